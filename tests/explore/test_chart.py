"""explore.chart: the timeline SVG has one bar segment per month and type, a legend, and escaped text."""
from __future__ import annotations

import re
import xml.etree.ElementTree as ET

from explore.chart import colour, timeline_svg
from explore.report import build

SVG = "{http://www.w3.org/2000/svg}"


def test_timeline_bars_and_legend(load):
    report = build(load(states=["RU", "PK"]))
    svg = timeline_svg(report)
    root = ET.fromstring(svg)                     # well-formed XML
    segments = [r for r in root.iter(SVG + "rect") if r.find(SVG + "title") is not None]
    titles = sorted(r.find(SVG + "title").text for r in segments)
    assert titles == ["2023-11: 1 Agreement (AGREE)", "2023-11: 1 Consultation (CONSULT)",
                      "2024-02: 1 Accusation (ACCUSE)"]
    legend = [t.text for t in root.iter(SVG + "text") if t.text and "(" in t.text]
    assert legend == ["Agreement (AGREE)", "Consultation (CONSULT)", "Accusation (ACCUSE)"]
    months = [t.text for t in root.iter(SVG + "text") if t.text and re.fullmatch(r"\d{4}-\d{2}", t.text)]
    assert months == ["2023-11", "2023-12", "2024-01", "2024-02"]
    assert colour("CONSULT") != colour("ACCUSE")
    assert "<script" not in svg


def test_no_dated_event_no_chart(load):
    assert timeline_svg(build(load(types=["MOBILIZE"]))) == ""


def test_title_is_escaped(load):
    report = build(load(states=["RU"]))
    report.title = "<b>x</b> & y"
    svg = timeline_svg(report)
    assert "&lt;b&gt;x&lt;/b&gt; &amp; y" in svg and "<b>" not in svg
    ET.fromstring(svg)
