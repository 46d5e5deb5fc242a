"""Every HTML output escapes article text, names and labels (issue 8): articles whose headline, quotes,
sentences, source, publisher and URL carry script payloads go through `legation ingest`, then `legation graph`
and `legation report` write their pages, which are opened in headless Chromium. No payload runs (no dialog, no
injected element, no `javascript:` link), nothing is fetched, and the payloads show as text.
"""
from __future__ import annotations

import json

import pytest

from explore.screenshot import READY

pytestmark = pytest.mark.browser

ARTICLES = [
    {"title": "Talks in Moscow <script>alert(1)</script>", "source": "<img src=x onerror=alert(2)>",
     "publisher": "</title><script>alert(3)</script>", "url": "javascript:alert(4)", "published": "2023-11-14",
     "text": "MOSCOW - Russian Foreign Minister Sergei Lavrov met Pakistani Foreign Minister Ishaq Dar in Moscow on "
             "November 14, 2023 to discuss <b onmouseover=alert(5)>regional security</b>. \"We agreed "
             "</script><script>alert(6)</script> on the next steps with Pakistan,\" Lavrov said. \"Our talks were "
             "'; alert(7); ' and \\\"); alert(8); (\\\" productive,\" Dar said. Dar added that "
             "\"{{constructor.constructor('alert(9)')()}} is not a plan for us\"."},
    {"title": "لقاء <svg onload=alert(11)>", "published": "2023-11-15", "source": "وكالة <b>الأنباء</b>",
     "text": "موسكو - التقى وزير الخارجية الروسي سيرغي لافروف نظيره الباكستاني إسحاق دار في موسكو اليوم. "
             "وقال لافروف إن \"العلاقات <img src=x onerror=alert(10)> بين البلدين تتطور بسرعة\"."},
    {"title": "Переговоры <iframe src=\"javascript:alert(12)\"></iframe>", "published": "2023-11-16",
     "text": "Министр иностранных дел России Сергей Лавров провёл переговоры с министром иностранных дел "
             "Пакистана Исхаком Даром в Москве. «Мы договорились <iframe src=\"javascript:alert(12)\"></iframe> "
             "о многом», — заявил Лавров."},
    {"title": "Dar: <!-- a comment --> and U+2028", "published": "2023-11-17",
     "url": "https://news.example.org/\"><script>alert(14)</script>",
     "text": "ISLAMABAD - Pakistani Foreign Minister Ishaq Dar met Russian Foreign Minister Sergei Lavrov in "
             "Islamabad on November 17, 2023. \"Talks went well <!-- and --> <script>alert(13)</script>\u2028 "
             "indeed, very well,\" Dar said."},
]

INJECTED = ("document.querySelectorAll('[onerror],[onload],[onmouseover],iframe,svg script').length + "
            "document.querySelectorAll('a[href^=\"javascript:\" i],iframe[src^=\"javascript:\" i]').length + "
            "[...document.scripts].filter(s => /^\\s*alert\\(\\d+\\)\\s*$/.test(s.textContent)).length")


@pytest.fixture(scope="module")
def pages(tmp_path_factory):
    """The network pages (both views) and the reports (pair and single state) of the hostile articles."""
    from robust_cli import cli_env, invoke_cli

    tmp = tmp_path_factory.mktemp("html")
    env = cli_env(tmp)
    corpus = tmp / "hostile.jsonl"
    corpus.write_text("\n".join(json.dumps(a, ensure_ascii=False) for a in ARTICLES) + "\n", encoding="utf-8")
    store = tmp / "store"
    run = invoke_cli("ingest", corpus, "--store", store, "-q", env=env)
    assert run.code == 0, run.err
    out = {}
    for name, args in {
        "network-entities.html": ("graph", "--out", tmp / "network-entities.html"),
        "network-states.html": ("graph", "--view", "states", "--out", tmp / "network-states.html"),
        "network-ar.html": ("graph", "--lang", "ar", "--out", tmp / "network-ar.html"),
        "report-ru-pk.html": ("report", "RU", "PK", "--out", tmp / "report-ru-pk.html"),
        "report-ru.html": ("report", "RU", "--lang", "ru", "--out", tmp / "report-ru.html"),
    }.items():
        run = invoke_cli(*args, "--store", store, env=env)
        assert run.code == 0, (args, run.err)
        out[name] = tmp / name
    return out


def open_page(browser, path):
    tab = browser.page(width=1280, height=900)
    tab.goto(path.as_uri(), timeout=60)
    tab.wait_for(READY, timeout=60)
    return tab


def assert_nothing_ran(tab):
    assert tab.log.dialogs == [], f"a payload ran: {tab.log.dialogs}"
    assert tab.evaluate("window.__pwned === undefined")
    assert tab.evaluate(INJECTED) == 0, "an element from article text made it into the page"
    assert tab.log.remote_requests() == [] and tab.log.blocked == []
    assert not [u for u in tab.log.requests if u.rstrip("/").endswith("/x")], "an injected <img> was loaded"


@pytest.mark.parametrize("name", ["network-entities.html", "network-states.html", "network-ar.html"])
def test_network_pages_show_hostile_text_as_text(name, pages, browser):
    assert "alert(1" in pages[name].read_text(encoding="utf-8"), "no payload reached the page: nothing tested"
    tab = open_page(browser, pages[name])
    try:
        assert_nothing_ran(tab)
        ids = tab.evaluate("window.legation && window.legation.network ? "
                           "window.legation.network.body.data.nodes.getIds() : []")
        assert ids, "the network has no nodes"
        for node in ids:                         # every tooltip and every details panel, shown once
            spot = tab.evaluate(f"""(() => {{
                const n = window.legation.network, id = {json.dumps(node)};
                n.focus(id, {{scale: 1.5, animation: false}}); n.redraw();
                const p = n.canvasToDOM(n.getPositions([id])[id]);
                const r = document.getElementById('mynetwork').getBoundingClientRect();
                return [p.x + r.left, p.y + r.top]; }})()""")
            tab.mouse_move(spot[0] + 40, spot[1] + 40)
            tab.mouse_move(*spot)
            browser.pump(0.15)
            tab.click(*spot)
        browser.pump(0.3)
        assert_nothing_ran(tab)
    finally:
        tab.close()


@pytest.mark.parametrize("name", ["report-ru-pk.html", "report-ru.html"])
def test_reports_show_hostile_text_as_text(name, pages, browser):
    tab = open_page(browser, pages[name])
    try:
        assert_nothing_ran(tab)
        text = tab.evaluate("document.body.innerText")
        assert "alert(" in text, "the quotes with payloads are not shown at all"
    finally:
        tab.close()


def test_markdown_and_csv_reports_keep_payloads_inert(pages, tmp_path):
    """Markdown may be rendered to HTML by whoever reads it: raw tags must not pass through unescaped."""
    from robust_cli import cli_env, invoke_cli

    store = pages["report-ru-pk.html"].parent / "store"
    run = invoke_cli("report", "RU", "PK", "--format", "md", "--store", store, env=cli_env(tmp_path))
    assert run.code == 0, run.err
    for raw in ("<script>alert(", "<img src=x onerror", "<iframe", "<svg onload"):
        assert raw not in run.out, f"raw HTML {raw!r} in the Markdown report"
