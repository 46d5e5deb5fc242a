"""The network page: one HTML file that works from disk with no network at all.

The nodes, edges and options are modelled with pyvis; the page is our own Jinja template, which inlines the
vis-network library that ships inside the pyvis package (its ``in_line`` resources) and nothing else: no CDN, no
web font, no Bootstrap (pyvis's own template links both from the web). A Content-Security-Policy in the page
forbids every fetch but ``data:`` images, and ``write_page`` refuses to write a page in which a browser would
fetch anything (``remote_resources``).

Text from articles reaches the page only as JSON inside a script (``<``, ``>``, ``&`` and ``'`` written as
``\\u003c`` …) and is put on screen with ``textContent``: a tooltip shows ``<script>`` as text, never runs it.

Positions are computed beforehand (``explore.layout``), so the network appears at once. Small graphs (up to
``PHYSICS_MAX_NODES`` nodes) then relax for at most 100 iterations of vis's Barnes–Hut physics, after which
physics is switched off; bigger ones keep their positions. When the network is drawn and settled, the page sets
``window.legation.ready`` (with ``readyMs``, milliseconds since navigation start) for tests and screenshots.
"""
from __future__ import annotations

import html.parser
import math
import re
from pathlib import Path

import jinja2
from markupsafe import Markup
import networkx as nx
import pyvis
from pyvis.edge import Edge
from pyvis.network import Network

from legation.errors import Error

from .layout import positions

PHYSICS_MAX_NODES = 1000
CSP = ("default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; img-src data:; "
       "base-uri 'none'; form-action 'none'")
VIS_DIR = "lib/vis-9.1.2"

KIND_STYLE = {   # kind: (vis shape, colour, legend text)
    "state": ("hexagon", "#0f766e", "state"),
    "person": ("dot", "#d97706", "person"),
    "organization": ("square", "#7c3aed", "organisation"),
    "event": ("diamond", "#6b7280", "event"),
    "meeting": ("star", "#6b7280", "meeting"),
    "topic": ("triangle", "#db2777", "topic"),
}
FONT_SIZE = {"state": 18, "person": 14, "organization": 14, "topic": 14, "event": 10, "meeting": 10}
POLARITY_COLOUR = {"cooperation": "#2c7bb6", "neutral": "#a3a3a3", "friction": "#d7191c"}
RELATION_STYLE = {  # relation: (colour, dashed)
    "actor": ("#9ca3af", False), "topic": ("#f9a8d4", False), "post": ("#fbbf24", True),
    "part of": ("#c4b5fd", True), "member": ("#c4b5fd", True),
}


class PageError(Error):
    """The network page could not be written as a self-contained file."""

    hint = "this is a bug in legation's page template; please report it"


def _mix(a: str, b: str, t: float) -> str:
    ca = [int(a[i:i + 2], 16) for i in (1, 3, 5)]
    cb = [int(b[i:i + 2], 16) for i in (1, 3, 5)]
    return "#" + "".join(f"{round(x + (y - x) * t):02x}" for x, y in zip(ca, cb))


def score_colour(score: float) -> str:
    """Edge colour for a polarity score: +1 cooperation (blue) … 0 neutral (grey) … −1 friction (red)."""
    score = max(-1.0, min(1.0, float(score)))
    if score >= 0:
        return _mix(POLARITY_COLOUR["neutral"], POLARITY_COLOUR["cooperation"], score)
    return _mix(POLARITY_COLOUR["neutral"], POLARITY_COLOUR["friction"], -score)


def node_size(degree: int) -> float:
    """Node size (pixels) by degree."""
    return round(min(10 + 5 * math.sqrt(max(degree, 0)), 60), 1)


def edge_width(weight: int) -> float:
    return round(min(1 + 2 * math.sqrt(max(weight, 1) - 1), 16), 1)


def style(g: nx.Graph, seed: int = 7) -> None:
    """Give every node and edge of ``g`` its look: x, y, size, shape, colour, width (attributes in place)."""
    pos = positions(g, seed=seed)
    for node, data in g.nodes(data=True):
        kind = "meeting" if data.get("kind") == "event" and data.get("meeting") else data.get("kind", "topic")
        shape, colour, _ = KIND_STYLE.get(kind, KIND_STYLE["topic"])
        data["x"], data["y"] = pos[node]
        data["size"] = node_size(g.degree(node))
        data["shape"] = shape
        data["font_size"] = FONT_SIZE.get(kind, 14)
        data["color"] = colour
        data["border"] = POLARITY_COLOUR.get(data.get("polarity", ""), colour)
    for a, b, data in g.edges(data=True):
        if g.graph.get("view") == "states":
            data["color"] = score_colour(data.get("score", 0.0))
            data["width"] = edge_width(int(data.get("weight", 1)))
            data["dashes"] = False
        else:
            colour, dashed = RELATION_STYLE.get(data.get("relation", "actor"), RELATION_STYLE["actor"])
            data["color"] = colour
            data["width"] = 1.0
            data["dashes"] = dashed


def legend(g: nx.Graph) -> dict:
    """What the legend shows: the kinds present (shape, colour) and, for the state view, the edge scale."""
    kinds = []
    present = {("meeting" if d.get("kind") == "event" and d.get("meeting") else d.get("kind"))
               for _, d in g.nodes(data=True)}
    for kind, (shape, colour, text) in KIND_STYLE.items():
        if kind in present:
            kinds.append({"shape": shape, "colour": colour, "text": text})
    edges = []
    if g.graph.get("view") == "states":
        edges = [{"colour": score_colour(1), "text": "cooperation"}, {"colour": score_colour(0), "text": "neutral"},
                 {"colour": score_colour(-1), "text": "friction"}]
    elif any(d.get("kind") == "event" for _, d in g.nodes(data=True)):
        edges = [{"colour": POLARITY_COLOUR[p], "text": f"event outline: {p}"} for p in POLARITY_COLOUR]
    return {"kinds": kinds, "edges": edges, "view": g.graph.get("view", "entities")}


def vis_options(n_nodes: int, physics: bool) -> dict:
    return {
        "autoResize": True,
        "layout": {"improvedLayout": False, "randomSeed": 7},
        "nodes": {"font": {"size": 14, "face": "sans-serif", "color": "#111827", "strokeWidth": 3,
                           "strokeColor": "#ffffff"},
                  "borderWidth": 2, "borderWidthSelected": 4},
        "edges": {"smooth": False, "selectionWidth": 2, "hoverWidth": 1.5},
        "interaction": {"hover": True, "tooltipDelay": 120, "hideEdgesOnDrag": n_nodes > 1500,
                        "hideEdgesOnZoom": n_nodes > 3000, "multiselect": False},
        "physics": {"enabled": physics, "solver": "barnesHut",
                    "barnesHut": {"gravitationalConstant": -3000, "springLength": 120, "springConstant": 0.03,
                                  "damping": 0.5, "avoidOverlap": 1.0},
                    "stabilization": {"enabled": physics, "iterations": 100, "updateInterval": 25, "fit": True},
                    "minVelocity": 1.0},
    }


def build_network(g: nx.Graph, physics: bool | None = None, seed: int = 7) -> tuple[Network, dict, list]:
    """The pyvis Network of ``g`` (styled here), with the node tooltips by id and the edge tooltips by index."""
    if any("x" not in d for _, d in g.nodes(data=True)):
        style(g, seed=seed)
    n = g.number_of_nodes()
    if physics is None:
        physics = 0 < n <= PHYSICS_MAX_NODES
    net = Network(height="100%", width="100%", directed=False, cdn_resources="in_line")
    node_tips: dict[str, dict] = {}
    for node, d in g.nodes(data=True):
        nid = str(node)
        net.add_node(nid, label=str(d.get("label", nid)), shape=d["shape"],
                     color={"background": d["color"], "border": d["border"],
                            "highlight": {"background": d["color"], "border": "#111827"},
                            "hover": {"background": d["color"], "border": "#111827"}},
                     size=d["size"], x=d["x"], y=d["y"], font={"size": d.get("font_size", 14)})
        if d.get("tip"):
            node_tips[nid] = d["tip"]
    edge_tips: list = []
    for i, (a, b, d) in enumerate(g.edges(data=True)):
        options = {"id": i, "color": {"color": d["color"], "highlight": "#111827", "hover": "#111827"},
                   "width": d["width"], "dashes": d["dashes"]}
        net.edges.append(Edge(str(a), str(b), **options).options)       # add_edge checks duplicates in O(E)
        edge_tips.append(d.get("tip"))
    net.options = vis_options(n, physics)
    return net, node_tips, edge_tips


def _environment() -> jinja2.Environment:
    lib = Path(pyvis.__file__).resolve().parent / "templates"
    loader = jinja2.ChoiceLoader([jinja2.DictLoader({"network.html": TEMPLATE}), jinja2.FileSystemLoader(str(lib))])
    return jinja2.Environment(loader=loader, autoescape=True, keep_trailing_newline=True)


def render(g: nx.Graph, title: str = "", subtitle: str = "", lang: str = "en", physics: bool | None = None,
           seed: int = 7) -> str:
    """The page's HTML for graph ``g`` (built by ``explore.network``)."""
    net, node_tips, edge_tips = build_network(g, physics=physics, seed=seed)
    nodes, edges, _heading, _height, _width, _options = net.get_network_data()
    data = {"nodes": nodes, "edges": edges, "nodeTips": node_tips, "edgeTips": edge_tips,
            "physics": bool(net.options["physics"]["enabled"])}
    labels = sorted({str(d.get("label", "")) for _, d in g.nodes(data=True)} - {""}, key=str.casefold)
    template = _environment().get_template("network.html")
    page = template.render(csp=Markup(CSP), title=title or "legation network", subtitle=subtitle, lang=lang, data=data,
                           options=net.options, legend=legend(g), labels=labels, n_nodes=len(nodes),
                           n_edges=len(edges), vis=VIS_DIR)
    found = remote_resources(page)
    if found:
        raise PageError(f"the network page would fetch {found[0]!r} (and {len(found) - 1} more) from elsewhere")
    return page


def write_page(g: nx.Graph, out: str | Path, **kwargs) -> Path:
    """Write the page of ``g`` to ``out`` (see ``render`` for the arguments); returns the path."""
    path = Path(out)
    text = render(g, **kwargs)
    try:
        path.write_text(text, encoding="utf-8")
    except OSError as e:
        raise Error(f"{path}: cannot write the page: {e.strerror or e}", hint="check the --out path") from None
    return path


# --- what would a browser fetch? ---------------------------------------------------------------------------

_URL_ATTRS = {"src", "href", "srcset", "poster", "data", "action", "background", "xlink:href", "formaction",
              "manifest", "ping", "imagesrcset"}
_NAVIGATION_TAGS = {"a", "area"}          # followed only when clicked
_CSS_URL = re.compile(r"""url\(\s*(['"]?)(.*?)\1\s*\)|@import\s+(['"])(.*?)\3""", re.I | re.S)


def _is_local(url: str) -> bool:
    url = url.strip()
    return not url or url.startswith(("data:", "#", "about:blank", "javascript:void"))


class _Scanner(html.parser.HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[str] = []
        self._in_style = False

    def handle_starttag(self, tag, attrs):
        tag = tag.lower()
        if tag == "style":
            self._in_style = True
        for name, value in attrs:
            name = (name or "").lower()
            if value is None:
                continue
            if name == "style":
                self._css(value)
            elif name in _URL_ATTRS and tag not in _NAVIGATION_TAGS:
                urls = [part.strip().split()[0] for part in value.split(",") if part.strip()] \
                    if name.endswith("srcset") else [value]
                self.found.extend(u for u in urls if not _is_local(u))
            elif tag == "meta" and name == "content" and "url=" in value.lower():
                self.found.append(value)

    def handle_endtag(self, tag):
        if tag.lower() == "style":
            self._in_style = False

    def handle_data(self, data):
        if self._in_style:
            self._css(data)

    def _css(self, text: str) -> None:
        for m in _CSS_URL.finditer(text):
            url = m.group(2) if m.group(2) is not None else m.group(4)
            if url is not None and not _is_local(url):
                self.found.append(url)


def remote_resources(page: str) -> list[str]:
    """The URLs a browser would fetch on its own when opening ``page`` (scripts, styles, images, fonts, frames,
    CSS ``url()``/``@import``); links that are only followed when clicked do not count. Empty for a
    self-contained page."""
    scanner = _Scanner()
    scanner.feed(page)
    scanner.close()
    return scanner.found


TEMPLATE = r"""<!DOCTYPE html>
<html lang="{{ lang }}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="{{ csp }}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="legation">
<title>{{ title }}</title>
<style>{% include vis ~ '/vis-network.css' %}</style>
<style>
  html, body {
    margin: 0;
    height: 100%;
    font-family: system-ui, -apple-system, "Segoe UI", "Noto Sans", "DejaVu Sans", sans-serif;
    color: #111827;
    background: #ffffff;
  }
  body { display: flex; flex-direction: column; }
  header {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: .4rem 1rem;
    padding: .5rem 1rem;
    border-bottom: 1px solid #e5e7eb;
    background: #f9fafb;
  }
  header h1 { font-size: 1.1rem; margin: 0; }
  header .sub { color: #4b5563; font-size: .9rem; }
  header .tools { margin-inline-start: auto; display: flex; gap: .5rem; align-items: center; }
  header input {
    font: inherit;
    padding: .25rem .5rem;
    min-width: 16rem;
    border: 1px solid #d1d5db;
    border-radius: 4px;
  }
  header button {
    font: inherit;
    padding: .25rem .6rem;
    border: 1px solid #d1d5db;
    border-radius: 4px;
    background: #fff;
    cursor: pointer;
  }
  main { position: relative; flex: 1; min-height: 300px; }
  #mynetwork { position: absolute; inset: 0; }
  #legend {
    position: absolute;
    left: .75rem;
    bottom: .75rem;
    background: rgba(255,255,255,.92);
    border: 1px solid #e5e7eb;
    border-radius: 6px;
    padding: .5rem .75rem;
    font-size: .85rem;
  }
  #legend div { display: flex; align-items: center; gap: .4rem; margin: .15rem 0; }
  #legend .line { display: inline-block; width: 28px; height: 4px; border-radius: 2px; }
  #legend .note { color: #4b5563; }
  #details {
    position: absolute;
    right: .75rem;
    top: .75rem;
    width: 26rem;
    max-width: 45%;
    max-height: calc(100% - 1.5rem);
    overflow: auto;
    background: rgba(255,255,255,.96);
    border: 1px solid #e5e7eb;
    border-radius: 6px;
    padding: .5rem .75rem;
    font-size: .9rem;
    display: none;
  }
  #details.open { display: block; }
  #empty {
    position: absolute;
    inset: 0;
    display: flex;
    align-items: center;
    justify-content: center;
    color: #6b7280;
    font-size: 1.1rem;
  }
  .tip { max-width: 32rem; white-space: normal; font-family: inherit; }
  .tip-title { font-weight: 600; margin-bottom: .2rem; }
  .tip blockquote {
    margin: .35rem 0 .1rem;
    padding: .1rem .5rem;
    border-inline-start: 3px solid #d1d5db;
    font-style: normal;
  }
  .tip .tip-source { color: #4b5563; font-size: .8em; }
  div.vis-tooltip { white-space: normal; max-width: 34rem; font-family: inherit; font-size: .85rem; }
</style>
<script>{% include vis ~ '/vis-network.min.js' %}</script>
</head>
<body>
<header>
  <h1>{{ title }}</h1>
  <span class="sub">{{ subtitle }}{% if subtitle %} · {% endif %}{{ n_nodes }} nodes · {{ n_edges }} edges</span>
  <span class="tools">
    <input id="search" type="search" list="names" placeholder="Find a node by name…" aria-label="Find a node by name">
    <datalist id="names">{% for name in labels %}<option value="{{ name }}">{% endfor %}</datalist>
    <button id="fit" type="button">Fit</button>
  </span>
</header>
<main>
  <div id="mynetwork"></div>
  {% if not n_nodes %}<div id="empty">No event matches this selection.</div>{% endif %}
  <aside id="details" aria-live="polite"></aside>
  <aside id="legend">
    {% for k in legend.kinds %}<div><svg width="16" height="16" viewBox="0 0 16 16" aria-hidden="true">
      {% if k.shape == "dot" %}<circle cx="8" cy="8" r="6" fill="{{ k.colour }}"/>
      {% elif k.shape == "square" %}<rect x="2" y="2" width="12" height="12" fill="{{ k.colour }}"/>
      {% elif k.shape == "diamond" %}<polygon points="8,1 15,8 8,15 1,8" fill="{{ k.colour }}"/>
      {% elif k.shape == "triangle" %}<polygon points="8,1 15,14 1,14" fill="{{ k.colour }}"/>
      {% elif k.shape == "star" %}
      <polygon points="8,1 10,6 15,6 11,9.5 12.5,15 8,11.5 3.5,15 5,9.5 1,6 6,6" fill="{{ k.colour }}"/>
      {% else %}<polygon points="4,1.5 12,1.5 15.5,8 12,14.5 4,14.5 0.5,8" fill="{{ k.colour }}"/>{% endif %}
    </svg>{{ k.text }}</div>{% endfor %}
    {% for e in legend.edges %}
    <div><span class="line" style="background: {{ e.colour }}"></span>{{ e.text }}</div>
    {% endfor %}
    <div class="note">{% if legend.view == "states" %}line width: number of events · {% endif %}node size: degree</div>
  </aside>
</main>
<script>
(function () {
  "use strict";
  var DATA = {{ data|tojson }};
  var OPTIONS = {{ options|tojson }};
  var state = { network: null, ready: false, readyMs: null, nodes: DATA.nodes.length, edges: DATA.edges.length };
  window.legation = state;

  function tipElement(tip) {
    var box = document.createElement("div");
    box.className = "tip";
    var head = document.createElement("div");
    head.className = "tip-title";
    head.dir = "auto";
    head.textContent = tip.title || "";
    box.appendChild(head);
    (tip.lines || []).forEach(function (line) {
      var div = document.createElement("div");
      div.dir = "auto";
      div.textContent = line;
      box.appendChild(div);
    });
    (tip.evidence || []).forEach(function (ev) {
      var quote = document.createElement("blockquote");
      quote.dir = "auto";
      if (ev.lang) { quote.lang = ev.lang; }
      quote.textContent = ev.text;
      box.appendChild(quote);
      var source = document.createElement("div");
      source.className = "tip-source";
      source.dir = "auto";
      source.textContent = [ev.event, ev.date, ev.source].filter(Boolean).join(" — ");
      box.appendChild(source);
    });
    return box;
  }

  DATA.nodes.forEach(function (node) {
    var tip = DATA.nodeTips[node.id];
    if (tip) { node.title = tipElement(tip); }
  });
  DATA.edges.forEach(function (edge) {
    var tip = DATA.edgeTips[edge.id];
    if (tip) { edge.title = tipElement(tip); }
  });

  var nodes = new vis.DataSet(DATA.nodes);
  var edges = new vis.DataSet(DATA.edges);
  var container = document.getElementById("mynetwork");
  var network = new vis.Network(container, { nodes: nodes, edges: edges }, OPTIONS);
  state.network = network;

  function settle() {
    if (state.ready) { return; }
    network.once("afterDrawing", function () {
      state.ready = true;
      state.readyMs = Math.round(performance.now());
      document.documentElement.setAttribute("data-ready", "true");
    });
    network.redraw();
  }
  if (DATA.physics && DATA.nodes.length) {
    var stop = function () {
      network.setOptions({ physics: { enabled: false } });
      settle();
    };
    network.once("stabilizationIterationsDone", stop);
    setTimeout(stop, 15000);           // never wait longer than that, whatever the physics does
  } else {
    settle();
  }

  var details = document.getElementById("details");
  function show(tip) {
    details.textContent = "";
    if (tip) { details.appendChild(tipElement(tip)); details.classList.add("open"); }
    else { details.classList.remove("open"); }
  }
  network.on("click", function (params) {
    if (params.nodes.length) { show(DATA.nodeTips[params.nodes[0]]); }
    else if (params.edges.length) { show(DATA.edgeTips[params.edges[0]]); }
    else { show(null); }
  });

  function find(text) {
    var wanted = (text || "").trim().toLocaleLowerCase();
    if (!wanted) { return null; }
    var exact = null, partial = null;
    DATA.nodes.forEach(function (node) {
      var label = String(node.label || "").toLocaleLowerCase();
      if (!exact && label === wanted) { exact = node.id; }
      if (!partial && label.indexOf(wanted) >= 0) { partial = node.id; }
    });
    return exact || partial;
  }
  function select(text) {
    var id = find(text);
    if (id === null) { return false; }
    network.selectNodes([id]);
    network.focus(id, { scale: 1.2, animation: false });
    show(DATA.nodeTips[id]);
    return true;
  }
  state.select = select;
  var search = document.getElementById("search");
  search.addEventListener("change", function () { select(search.value); });
  search.addEventListener("keydown", function (event) { if (event.key === "Enter") { select(search.value); } });
  document.getElementById("fit").addEventListener("click", function () { network.fit({ animation: false }); });
})();
</script>
</body>
</html>
"""
