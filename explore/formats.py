"""The network as GraphML or GEXF, for Gephi, Cytoscape, yEd and other tools (written with networkx).

Attributes keep their meaning and become plain values: ``kind``, ``label``, ``iri``, ``weight`` (events), the
event's ``type``/``polarity``/``date``; on state edges ``weight``, ``cooperation``/``neutral``/``friction``,
``score`` and ``types`` (``CONSULT:3 AGREE:1``). A tooltip becomes ``evidence``: its sentences, each followed by
its source, one per line. GEXF also gets Gephi's visual attributes (colour, size, position) from the page's
style, so a file opens in Gephi looking like the page.
"""
from __future__ import annotations

from pathlib import Path

import networkx as nx

from legation.errors import Error, ParameterError

from .page import style

FORMATS = ("graphml", "gexf")


def _plain(value):
    if isinstance(value, bool) or isinstance(value, (int, float, str)):
        return value
    if value is None:
        return ""
    if isinstance(value, dict) and value and all(isinstance(v, int) for v in value.values()):
        return " ".join(f"{k}:{v}" for k, v in sorted(value.items(), key=lambda kv: (-kv[1], kv[0])))
    return str(value)


def _evidence(tip: dict | None) -> str:
    if not tip:
        return ""
    lines = []
    for ev in tip.get("evidence") or []:
        lines.append(ev.get("text", ""))
        source = " — ".join(x for x in (ev.get("date"), ev.get("source")) if x)
        if source:
            lines.append(f"  ({source})")
    return "\n".join(lines)


def _rgb(colour: str) -> dict:
    return {"r": int(colour[1:3], 16), "g": int(colour[3:5], 16), "b": int(colour[5:7], 16), "a": 1.0}


LOOK = {"x", "y", "size", "shape", "color", "border", "font_size", "width", "dashes", "tip"}


def plain_graph(g: nx.Graph, gephi: bool = False) -> nx.Graph:
    """A copy of ``g`` with plain attribute values only (and Gephi's ``viz`` when ``gephi``)."""
    if any("x" not in d for _, d in g.nodes(data=True)):
        g = g.copy()
        style(g)
    out = nx.Graph()
    out.graph.update({k: _plain(v) for k, v in g.graph.items()})
    for node, d in g.nodes(data=True):
        attrs = {k: _plain(v) for k, v in d.items() if k not in LOOK}
        attrs["evidence"] = _evidence(d.get("tip"))
        if gephi:
            attrs["viz"] = {"color": _rgb(d["color"]), "size": float(d["size"]),
                            "position": {"x": float(d["x"]), "y": -float(d["y"]), "z": 0.0}}
        out.add_node(str(node), **attrs)
    for a, b, d in g.edges(data=True):
        attrs = {k: _plain(v) for k, v in d.items() if k not in LOOK}
        attrs["evidence"] = _evidence(d.get("tip"))
        if gephi:
            attrs["viz"] = {"color": _rgb(d["color"]), "thickness": float(d["width"])}
        out.add_edge(str(a), str(b), **attrs)
    return out


def write(g: nx.Graph, out: str | Path, fmt: str) -> Path:
    """Write ``g`` to ``out`` as ``graphml`` or ``gexf``; returns the path."""
    if fmt not in FORMATS:
        raise ParameterError(f"unknown graph format {fmt!r}", hint=f"use one of {', '.join(FORMATS)}")
    path = Path(out)
    try:
        if fmt == "graphml":
            nx.write_graphml(plain_graph(g), path, encoding="utf-8", prettyprint=True)
        else:
            nx.write_gexf(plain_graph(g, gephi=True), path, encoding="utf-8", prettyprint=True)
    except OSError as e:
        raise Error(f"{path}: cannot write the graph: {e.strerror or e}", hint="check the --out path") from None
    return path
