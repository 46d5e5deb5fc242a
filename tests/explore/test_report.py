"""explore.report and its renderers: content of the report in Markdown, HTML, CSV and JSON; escaping."""
from __future__ import annotations

import csv
import io
import json

import pytest

from explore import render_csv, render_html, render_json, render_md
from explore.page import remote_resources
from explore.report import build
from explore_data import E1, E2, E3, FOMIN, SCRIPT


@pytest.fixture
def pair(load):
    return build(load(states=["RU", "PK"]), lang="en")


def test_report_content(pair):
    assert pair.title == "Russia – Pakistan: relations"
    assert pair.summary == {"events": 3, "meetings": 1, "cooperation": 1, "frictions": 1, "other": 0,
                            "people": 2, "topics": 2, "statements": 1, "sources": 2}
    assert [line.event for line in pair.meetings] == [E1]
    assert [line.event for line in pair.cooperation] == [E2]
    assert [line.event for line in pair.frictions] == [E3]
    meeting = pair.meetings[0]
    assert (meeting.date, meeting.place, meeting.type_label, meeting.states) == (
        "2023-11-13", "Islamabad", "Consultation", ["Russia", "Pakistan"])
    assert [(p.name, p.posts) for p in meeting.participants] == [
        ("Asim Munir", ["Chief of Army Staff of Pakistan"]),
        ("Alexander Fomin", ["Deputy Minister of Defence of Russia"])]
    assert meeting.topics == ["military cooperation"] and meeting.organizations == ["Shanghai Cooperation Organisation"]
    assert meeting.sources == [1]
    assert [(m.month, m.counts) for m in pair.timeline] == [
        ("2023-11", {"CONSULT": 1, "AGREE": 1}), ("2023-12", {}), ("2024-01", {}), ("2024-02", {"ACCUSE": 1})]
    assert [(s.code, [p.name for p in s.people]) for s in pair.people] == [
        ("RU", ["Alexander Fomin"]), ("PK", ["Asim Munir"])]
    fomin = pair.people[0].people[0]
    assert (fomin.events, fomin.statements, fomin.other_names) == (1, 1, ["Александр Фомин", "Aleksandr Fomin"])
    [st] = pair.statements
    assert (st.quote, st.lang, st.speaker, st.side, st.date, st.sources) == (
        "Мы готовы к сотрудничеству", "ru", "Alexander Fomin", "RU", "2023-11-13", [2])
    assert [(s.number, s.publisher) for s in pair.sources] == [(1, "Wire & Co"), (2, "Агентство «Меридиан»")]
    assert pair.topics == [("counter-terrorism", 1), ("military cooperation", 1)]


def test_one_state_report(load):
    report = build(load(states=["PK"]), lang="ru")
    assert report.title == "Пакистан: relations with other states"
    assert report.summary["events"] == 4 and report.summary["frictions"] == 2
    assert [s.code for s in report.people] == ["PK", ""]           # its people, then everyone else's
    assert report.people[1].people[0].name == "Александр Фомин"
    assert report.undated == 0


def test_empty_report(load):
    report = build(load(states=["CN", "IN"]))
    assert report.summary["events"] == 0 and report.timeline == [] and report.sources == []
    for renderer in (render_md, render_html, render_csv, render_json):
        assert renderer.render(report)


def test_markdown(pair):
    text = render_md.render(pair)
    assert text.startswith("# Russia – Pakistan: relations\n")
    for heading in ("## Summary", "## Timeline", "## Meetings (1)", "## Agreements and cooperation (1)",
                    "## Frictions (1)", "## People", "## Topics", "## Statements (1)", "## Sources"):
        assert heading in text
    assert "### 2023-11-13 — Consultation (CONSULT), Islamabad" in text
    assert "Alexander Fomin (Deputy Minister of Defence of Russia)" in text
    assert "> Мы готовы к сотрудничеству *(ru)*" in text
    assert "[S1](#s1)" in text and '<a id="s1"></a>**S1** [Fomin &lt;b&gt;meets&lt;/b&gt;' in text
    assert "](https://news.example.org/a1)" in text
    # article text cannot become markup
    assert SCRIPT not in text and "<b>" not in text
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in text
    assert "\\[подробнее\\](javascript:alert(1)) \\*важно\\*" in text
    assert "](javascript:" not in text.replace("\\](javascript:", "")


def test_html(pair):
    page = render_html.render(pair)
    assert remote_resources(page) == [] and "<script" not in page
    assert "<h2>Meetings (1)</h2>" in page and "<svg" in page and "<h2>Sources (2)</h2>" in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page and SCRIPT not in page
    assert "&lt;b&gt;bold&lt;/b&gt;" in page and "<b>bold</b>" not in page
    assert '<blockquote dir="auto" lang="ru">Мы готовы к сотрудничеству</blockquote>' in page
    assert 'href="https://news.example.org/a1"' in page and 'href="#s2"' in page
    assert "Wire &amp; Co" in page


def test_html_never_links_javascript(load):
    page = render_html.render(build(load(states=["IN"])))
    assert "javascript:alert(1)" in page                    # shown as text
    assert 'href="javascript' not in page


def test_csv(pair):
    rows = list(csv.DictReader(io.StringIO(render_csv.render(pair))))
    assert [r["section"] for r in rows] == ["meetings", "cooperation", "frictions", "statement"]
    first = rows[0]
    assert first["date"] == "2023-11-13" and first["place"] == "Islamabad" and first["states"] == "Russia | Pakistan"
    assert SCRIPT in first["text"]                       # CSV is data: the text is kept as it is
    assert first["sources"] == "S1" and first["source_urls"] == "https://news.example.org/a1"
    assert rows[3]["text"] == "Мы готовы к сотрудничеству" and rows[3]["speaker"].startswith("Alexander Fomin")


def test_csv_defuses_formulas(load):
    rows = list(csv.DictReader(io.StringIO(render_csv.render(build(load(states=["CN"]))))))
    assert rows[0]["text"].startswith("'=HYPERLINK(")
    assert render_csv.cell("-1") == "'-1" and render_csv.cell(3) == 3 and render_csv.cell("Moscow") == "Moscow"


def test_json(pair):
    data = json.loads(render_json.render(pair))
    assert data["format"] == "legation-report" and data["version"] == 1
    assert data["summary"]["events"] == 3
    assert data["meetings"][0]["evidence"][0]["text"].endswith("<b>bold</b> talks.")
    assert data["statements"][0]["quote"] == "Мы готовы к сотрудничеству"
    assert data["people"][0]["people"][0]["iri"] == FOMIN
    assert data["timeline"][3] == {"month": "2024-02", "counts": {"ACCUSE": 1}}
