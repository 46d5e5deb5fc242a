"""The pages in real headless Chromium, as a person would use them: the network draws, nothing leaves the
machine, no console error, article text with <script> and <b> shows as text, search finds a node, 5,000 nodes
settle in seconds; the HTML report too. Skipped without Chromium unless LEGATION_REQUIRE_BROWSER=1."""
from __future__ import annotations

import json
import random

import networkx as nx
import pytest

from explore import render_html
from explore.network import entity_graph, state_graph
from explore.page import write_page
from explore.report import build
from explore.screenshot import READY, drawn_pixels, screenshot
from explore_data import BOLD, E1, MUNIR, SCRIPT

pytestmark = pytest.mark.browser


@pytest.fixture
def tab(browser):
    t = browser.page(width=1280, height=800)
    yield t
    t.close()


def open_page(tab, path, timeout=60):
    tab.goto(str(path), timeout=timeout)
    tab.wait_for(READY, timeout=timeout)


def assert_nothing_left_the_machine(log):
    assert log.requests, "the page's own request should be recorded"
    assert all(url.startswith(("file:", "data:", "about:")) for url in log.requests), log.requests
    assert log.blocked == [] and log.remote_requests() == []


def canvas_drawn(tab) -> int:
    """Non-white pixels of the network's canvas, with the legend and panels hidden."""
    tab.evaluate("['legend', 'details', 'empty'].forEach(id => { const e = document.getElementById(id); "
                 "if (e) e.style.display = 'none'; })")
    rect = tab.evaluate("(() => { const r = document.querySelector('#mynetwork canvas').getBoundingClientRect();"
                        " return {x: r.x, y: r.y, width: r.width, height: r.height}; })()")
    assert rect["width"] > 100 and rect["height"] > 100
    return drawn_pixels(tab.screenshot(clip=rect, fast=True))


def node_on_screen(tab, node_id):
    js = json.dumps(node_id)
    return tab.evaluate(f"""(() => {{
        const n = window.legation.network;
        n.focus({js}, {{scale: 1.6, animation: false}});
        n.redraw();
        const p = n.canvasToDOM(n.getPositions([{js}])[{js}]);
        const r = document.getElementById('mynetwork').getBoundingClientRect();
        return [p.x + r.left, p.y + r.top];
    }})()""")


def test_network_draws_offline_and_shows_article_text_as_text(tab, load, tmp_path):
    path = write_page(entity_graph(load()), tmp_path / "net.html", title="fixture")
    open_page(tab, path)
    assert tab.evaluate("[window.legation.nodes, window.legation.edges]") == [15, 22]
    x, y = node_on_screen(tab, E1)
    tab.mouse_move(x + 30, y + 30)
    tab.mouse_move(x, y)
    text = tab.wait_for("(() => { const t = document.querySelector('div.vis-tooltip');"
                        " return t && t.style.visibility !== 'hidden' && t.textContent; })()", timeout=10)
    assert SCRIPT in text and BOLD in text and "Wire & Co" in text and "2023-11-14" in text
    assert tab.evaluate("document.querySelector('div.vis-tooltip b, div.vis-tooltip script') === null")
    tab.click(x, y)
    details = tab.wait_for("document.getElementById('details').textContent", timeout=5)
    assert SCRIPT in details
    assert tab.evaluate("document.querySelectorAll('script').length") == 2     # vis-network and ours, no more
    assert canvas_drawn(tab) > 2000
    assert tab.log.dialogs == [] and tab.log.console_errors() == []
    assert_nothing_left_the_machine(tab.log)


def test_search_selects_a_node(tab, load, tmp_path):
    path = write_page(entity_graph(load()), tmp_path / "net.html")
    open_page(tab, path)
    tab.evaluate("(() => { const s = document.getElementById('search'); s.value = 'asim mun';"
                 " s.dispatchEvent(new Event('change')); })()")
    assert tab.evaluate("window.legation.network.getSelectedNodes()") == [MUNIR]
    assert "Chief of Army Staff of Pakistan" in tab.evaluate("document.getElementById('details').textContent")


def test_state_view_in_arabic(tab, load, tmp_path):
    path = write_page(state_graph(load(), lang="ar"), tmp_path / "states.html", lang="ar")
    open_page(tab, path)
    assert tab.evaluate("window.legation.edges") == 3
    assert canvas_drawn(tab) > 1000
    assert tab.log.console_errors() == [] and tab.log.dialogs == []
    assert_nothing_left_the_machine(tab.log)


def test_empty_network_is_blank(tab, tmp_path):
    path = write_page(nx.Graph(view="states"), tmp_path / "empty.html")
    open_page(tab, path)
    assert canvas_drawn(tab) == 0          # the pixel check can fail: an empty canvas has no drawn pixel
    assert tab.log.console_errors() == []


def test_the_checks_catch_a_leaky_page(tab, tmp_path):
    path = tmp_path / "leaky.html"
    path.write_text('<!DOCTYPE html><html><body><img src="http://192.0.2.1/pixel.png">'
                    '<script>console.error("boom"); alert("hi");</script></body></html>', encoding="utf-8")
    tab.goto(str(path))
    tab.browser.pump(0.5)
    assert "http://192.0.2.1/pixel.png" in tab.log.remote_requests()
    assert tab.log.blocked == ["http://192.0.2.1/pixel.png"]
    assert "boom" in tab.log.console_errors()
    assert tab.log.dialogs == ["hi"]


def test_report_page(tab, load, tmp_path):
    path = tmp_path / "report.html"
    path.write_text(render_html.render(build(load(states=["RU", "PK"]))), encoding="utf-8")
    open_page(tab, path)
    body = tab.evaluate("document.body.innerText")
    assert SCRIPT in body and BOLD in body and "Мы готовы к сотрудничеству" in body
    assert tab.evaluate("document.querySelectorAll('script, b.injected').length") == 0
    assert tab.evaluate("document.querySelector('svg.timeline rect') !== null")
    assert tab.log.dialogs == [] and tab.log.console_errors() == []
    assert_nothing_left_the_machine(tab.log)


def big_graph(n=5000, seed=3) -> nx.Graph:
    rnd = random.Random(seed)
    g = nx.Graph(view="entities")
    for i in range(150):
        g.add_node(f"s{i}", kind="state", label=f"State {i}", tip={"title": f"State {i}", "lines": [], "evidence": []})
    for i in range(60):
        g.add_node(f"t{i}", kind="topic", label=f"topic {i}")
    i = 0
    while g.number_of_nodes() < n:
        i += 1
        e = f"e{i}"
        g.add_node(e, kind="event", label=f"event {i}", meeting=i % 3 == 0,
                   polarity=rnd.choice(["cooperation", "neutral", "friction"]),
                   tip={"title": f"event {i}", "lines": ["a line"],
                        "evidence": [{"text": "A sentence of evidence. " * 4, "lang": "en", "date": "2024-01-01",
                                      "source": "Agency"}]})
        for s in rnd.sample(range(150), 2):
            g.add_edge(e, f"s{s}", relation="actor")
        g.add_edge(e, f"t{rnd.randrange(60)}", relation="topic")
        if rnd.random() < 0.5:
            p = f"p{rnd.randrange(1500)}"
            if p not in g:
                g.add_node(p, kind="person", label=f"Person {p}")
            g.add_edge(e, p, relation="actor")
    return g


@pytest.mark.slow
def test_five_thousand_nodes_settle_in_seconds(tab, tmp_path):
    g = big_graph()
    assert g.number_of_nodes() == 5000
    path = write_page(g, tmp_path / "big.html")
    open_page(tab, path, timeout=120)
    ready_ms = tab.evaluate("window.legation.readyMs")
    assert tab.evaluate("window.legation.nodes") == 5000
    assert ready_ms < 10_000, f"ready after {ready_ms} ms"
    assert canvas_drawn(tab) > 10_000
    assert tab.log.console_errors() == []


def test_screenshot_writes_a_drawn_png(load, tmp_path, browser):
    page = write_page(state_graph(load()), tmp_path / "states.html")
    png = tmp_path / "states.png"
    log = screenshot(page, png, width=900, height=600)
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert drawn_pixels(png.read_bytes()) > 2000
    assert log.console_errors() == [] and log.remote_requests() == []
