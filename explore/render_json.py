"""A relation report as JSON: the ``Report`` data as it is, for other programs.

The top level carries ``format`` ("legation-report") and ``version`` (1), then every field of ``Report``
(``summary``, ``timeline``, ``meetings``, ``cooperation``, ``frictions``, ``other``, ``people``, ``topics``,
``statements``, ``sources`` …). Text is written as UTF-8 (Arabic and Cyrillic stay readable); the JSON encoder
escapes what JSON needs, and whoever puts these strings into HTML must escape them there.
"""
from __future__ import annotations

import json

from .report import Report

FORMAT = "legation-report"
VERSION = 1


def data(report: Report) -> dict:
    return {"format": FORMAT, "version": VERSION, **report.to_dict()}


def render(report: Report) -> str:
    """The report as a JSON document (indented, UTF-8, newline at the end)."""
    return json.dumps(data(report), ensure_ascii=False, indent=2) + "\n"
