"""A relation report as Markdown (GitHub flavour).

Every text taken from the graph goes through ``md``: HTML special characters become entities and Markdown's
own (``* _ [ ] ` | ~ \\``) are escaped, so a headline or a quote can neither inject HTML nor turn into a link,
table or heading. Links are made only from ``http(s)`` URLs.
"""
from __future__ import annotations

import re

from .report import Line, Report

_SPECIAL = re.compile(r"([\\`*_\[\]|~])")
_LEADING = re.compile(r"^(\s*)([#+=>-]|\d+[.)])")
_SAFE_URL = re.compile(r"^https?://[^\s<>\"'`]+$", re.I)


def md(text: object) -> str:
    """``text`` as inert Markdown inline text: one line, HTML and Markdown syntax escaped."""
    value = " ".join(str(text or "").split())
    value = value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    value = _SPECIAL.sub(r"\\\1", value)
    return _LEADING.sub(lambda m: m.group(1) + "\\" + m.group(2), value)


def link(url: str, text: str | None = None) -> str:
    """A Markdown link to an http(s) URL; anything else as escaped text."""
    url = (url or "").strip()
    if not _SAFE_URL.match(url) or "(" in url or ")" in url:
        return md(text or url)
    return f"[{md(text or url)}]({url})"


def _sources(numbers: list[int]) -> str:
    return ", ".join(f"[S{n}](#s{n})" for n in numbers) or "none"


def _participants(line: Line) -> str:
    out = []
    for p in line.participants:
        text = md(p.name)
        if p.posts:
            text += f" ({md('; '.join(p.posts))})"
        out.append(text)
    return ", ".join(out)


def _line(line: Line) -> list[str]:
    head = f"### {md(line.date or 'undated')} — {md(line.type_label)} ({md(line.type)})"
    if line.place:
        head += f", {md(line.place)}"
    out = [head, ""]
    if line.states:
        out.append(f"- States: {', '.join(md(s) for s in line.states)}")
    if line.participants:
        out.append(f"- Participants: {_participants(line)}")
    if line.organizations:
        out.append(f"- Organisations: {', '.join(md(o) for o in line.organizations)}")
    if line.topics:
        out.append(f"- Topics: {', '.join(md(t) for t in line.topics)}")
    out.append(f"- Sources: {_sources(line.sources)}")
    for quote in line.evidence:
        out += ["", f"> {md(quote.text)}" + (f" *({md(quote.lang)})*" if quote.lang else "")]
    out.append("")
    return out


def render(report: Report) -> str:
    """The report as Markdown text."""
    out = [f"# {md(report.title)}", ""]
    span = f"events from {report.span[0]} to {report.span[1]}" if report.span else "no dated events"
    out += [f"Period: {md(report.period)} · {md(span)} · names in {md(report.lang)}", ""]

    out += ["## Summary", "", "| | count |", "|---|---:|"]
    for key, value in report.summary.items():
        out.append(f"| {md(key)} | {value} |")
    out.append("")

    out += ["## Timeline", "", "Events per month by type."]
    if report.timeline:
        out += ["", "| month | events | types |", "|---|---:|---|"]
        for month in report.timeline:
            total = sum(month.counts.values())
            if not total:
                continue
            types = ", ".join(f"{md(report.type_labels.get(t, t))} {n}" for t, n in
                              sorted(month.counts.items(), key=lambda kv: (-kv[1], kv[0])))
            out.append(f"| {md(month.month)} | {total} | {types} |")
    if report.undated:
        out += ["", f"Undated events: {report.undated}."]
    out.append("")

    for _key, title, lines in report.sections():
        out += [f"## {md(title)} ({len(lines)})", ""]
        if not lines:
            out += ["None found.", ""]
        for line in lines:
            out += _line(line)

    out += ["## People", ""]
    for side in report.people:
        out += [f"### {md(side.name)} ({len(side.people)})", ""]
        if not side.people:
            out += ["None found.", ""]
            continue
        for person in side.people:
            text = f"- **{md(person.name)}**"
            if person.other_names:
                text += f" ({', '.join(md(n) for n in person.other_names)})"
            if person.posts:
                text += f": {md('; '.join(person.posts))}"
            text += f" — {person.events} event{'s' if person.events != 1 else ''}"
            if person.statements:
                text += f", {person.statements} statement{'s' if person.statements != 1 else ''}"
            out.append(text)
        out.append("")

    out += ["## Topics", ""]
    out += [f"- {md(name)}: {n}" for name, n in report.topics] or ["None found."]
    out.append("")

    out += [f"## Statements ({len(report.statements)})", ""]
    if not report.statements:
        out += ["None found.", ""]
    for st in report.statements:
        who = md(st.speaker or "unnamed speaker")
        if st.speaker_post:
            who += f", {md(st.speaker_post)}"
        out += [f"> {md(st.quote)}" + (f" *({md(st.lang)})*" if st.lang else ""), ">",
                f"> — {who}; {md(st.date or 'undated')}, {md(st.event_type)}; {_sources(st.sources)}", ""]

    out += ["## Sources", ""]
    if not report.sources:
        out += ["None.", ""]
    for src in report.sources:
        parts = [link(src.url, src.headline) if src.url else md(src.headline or src.iri)]
        who = ", ".join(md(x) for x in dict.fromkeys((src.publisher, src.agency)) if x)
        if who:
            parts.append(who)
        if src.published:
            parts.append(md(src.published))
        if src.lang:
            parts.append(md(src.lang))
        out.append(f'- <a id="s{src.number}"></a>**S{src.number}** ' + " — ".join(parts))
    out.append("")
    return "\n".join(out)
