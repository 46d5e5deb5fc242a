"""explore.page: the HTML is self-contained, escapes article text, and carries the look of every node."""
from __future__ import annotations

import json
import re

import networkx as nx
import pytest

from explore.network import entity_graph, state_graph
from explore.page import node_size, remote_resources, render, score_colour, style, write_page
from explore_data import E1, SCRIPT, state


def test_page_is_self_contained(load):
    page = render(entity_graph(load()), title="t")
    assert remote_resources(page) == []
    assert "Content-Security-Policy" in page and "default-src 'none'" in page
    assert "vis.Network" in page and len(page) > 400_000          # vis-network is inlined
    for host in ("cdnjs", "jsdelivr", "unpkg", "googleapis", "bootstrap"):
        assert host not in page
    assert not re.search(r"<(script|link|img|iframe)[^>]+(src|href)\s*=", page)


def test_article_text_never_appears_as_markup(load):
    page = render(entity_graph(load()), title="Fomin <i>x</i>")
    assert SCRIPT not in page and "<b>bold</b>" not in page and "<b>meets</b>" not in page
    assert "\\u003cscript\\u003ealert(1)\\u003c/script\\u003e" in page
    assert "<title>Fomin &lt;i&gt;x&lt;/i&gt;</title>" in page
    data = json.loads(re.search(r"var DATA = (\{.*?\});\n", page).group(1))
    assert SCRIPT in data["nodeTips"][E1]["evidence"][0]["text"]       # the text itself is intact


def test_nodes_have_shape_colour_size_and_position(load):
    g = entity_graph(load())
    style(g)
    shapes = {d["kind"]: d["shape"] for _, d in g.nodes(data=True) if not d.get("meeting")}
    assert shapes == {"state": "hexagon", "person": "dot", "organization": "square", "event": "diamond",
                      "topic": "triangle"}
    assert g.nodes[E1]["shape"] == "star"
    assert g.nodes[state("RU")]["size"] == node_size(g.degree(state("RU"))) > g.nodes[E1]["size"] / 2
    positions = {(d["x"], d["y"]) for _, d in g.nodes(data=True)}
    assert len(positions) == g.number_of_nodes()


def test_state_edges_coloured_from_cooperation_to_friction(load):
    g = state_graph(load())
    style(g)
    assert g.edges[state("RU"), state("CN")]["color"] == score_colour(1) == "#2c7bb6"
    assert g.edges[state("IN"), state("PK")]["color"] == score_colour(-1) == "#d7191c"
    assert g.edges[state("RU"), state("PK")]["width"] > g.edges[state("RU"), state("CN")]["width"]
    assert score_colour(0) == "#a3a3a3"


def test_legend_and_search_list(load):
    page = render(state_graph(load(), lang="ru"), lang="ru")
    assert 'id="legend"' in page and "cooperation" in page and "friction" in page
    assert '<option value="Россия">' in page and '<html lang="ru">' in page


def test_empty_graph_page(tmp_path):
    path = write_page(nx.Graph(view="states"), tmp_path / "empty.html", title="nothing")
    text = path.read_text(encoding="utf-8")
    assert "No event matches this selection." in text and remote_resources(text) == []


@pytest.mark.parametrize("html, found", [
    ('<script src="https://cdn.example/x.js"></script>', ["https://cdn.example/x.js"]),
    ('<link rel="stylesheet" href="//fonts.example/css">', ["//fonts.example/css"]),
    ('<img srcset="a.png 1x, https://x.example/b.png 2x">', ["a.png", "https://x.example/b.png"]),
    ('<style>@font-face { src: url("https://f.example/x.woff2") }</style>', ["https://f.example/x.woff2"]),
    ("<style>@import 'https://x.example/a.css';</style>", ["https://x.example/a.css"]),
    ('<div style="background: url(http://x.example/bg.png)"></div>', ["http://x.example/bg.png"]),
    ('<iframe src="page.html"></iframe>', ["page.html"]),
    ('<a href="https://example.org/article">read</a>', []),
    ('<img src="data:image/png;base64,AAAA">', []),
    ('<style>.x { background: url(data:image/png;base64,AAAA) }</style>', []),
])
def test_remote_resources(html, found):
    assert remote_resources(html) == found
