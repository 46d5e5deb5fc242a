"""A relation report as CSV: one row per event and per statement, with the sources behind each row.

Columns: ``section`` (meetings, cooperation, frictions, other, statement), ``date``, ``type``, ``type_label``,
``polarity``, ``place``, ``states``, ``participants`` (name and posts), ``organizations``, ``topics``, ``text``
(the evidence sentences, or the quote, in the original language), ``lang``, ``speaker``, ``sources`` (S1 S3),
``source_headlines``, ``source_publishers``, ``source_dates``, ``source_urls``. Several values in one cell are
separated by `` | ``. A text cell that a spreadsheet would read as a formula (starting with ``= + - @``, tab or
carriage return) gets a leading apostrophe.
"""
from __future__ import annotations

import csv
import io

from .report import Line, Report

COLUMNS = ("section", "date", "type", "type_label", "polarity", "place", "states", "participants", "organizations",
           "topics", "text", "lang", "speaker", "sources", "source_headlines", "source_publishers", "source_dates",
           "source_urls")
SEP = " | "


def cell(value: object) -> object:
    """A cell value safe to open in a spreadsheet."""
    if isinstance(value, (int, float)):
        return value
    text = str(value or "")
    if text[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + text
    return text


def _source_cells(report: Report, numbers: list[int]) -> dict[str, str]:
    by_number = {s.number: s for s in report.sources}
    chosen = [by_number[n] for n in numbers if n in by_number]
    return {"sources": " ".join(f"S{n}" for n in numbers),
            "source_headlines": SEP.join(s.headline for s in chosen),
            "source_publishers": SEP.join(", ".join(dict.fromkeys(x for x in (s.publisher, s.agency) if x))
                                          for s in chosen),
            "source_dates": SEP.join(s.published for s in chosen),
            "source_urls": SEP.join(s.url for s in chosen)}


def _event_row(report: Report, section: str, line: Line) -> dict:
    people = [p.name + (f" ({'; '.join(p.posts)})" if p.posts else "") for p in line.participants]
    return {"section": section, "date": line.date, "type": line.type, "type_label": line.type_label,
            "polarity": line.polarity, "place": line.place, "states": SEP.join(line.states),
            "participants": SEP.join(people), "organizations": SEP.join(line.organizations),
            "topics": SEP.join(line.topics), "text": SEP.join(q.text for q in line.evidence),
            "lang": SEP.join(dict.fromkeys(q.lang for q in line.evidence if q.lang)), "speaker": "",
            **_source_cells(report, line.sources)}


def rows(report: Report) -> list[dict]:
    """The report's rows, as dicts keyed by ``COLUMNS``."""
    out = []
    for key, _title, lines in report.sections():
        out.extend(_event_row(report, key, line) for line in lines)
    for st in report.statements:
        out.append({"section": "statement", "date": st.date, "type": "", "type_label": st.event_type,
                    "polarity": "", "place": "", "states": "", "participants": "", "organizations": "",
                    "topics": "", "text": st.quote, "lang": st.lang,
                    "speaker": st.speaker + (f" ({st.speaker_post})" if st.speaker_post else ""),
                    **_source_cells(report, st.sources)})
    return out


def render(report: Report) -> str:
    """The report as CSV text (RFC 4180 quoting, ``\\r\\n`` line ends, header row first)."""
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=COLUMNS, quoting=csv.QUOTE_MINIMAL)
    writer.writeheader()
    for row in rows(report):
        writer.writerow({k: cell(v) for k, v in row.items()})
    return buffer.getvalue()
