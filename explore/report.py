"""A relation report: everything the graph holds between two states (or about one), as plain data.

``build(facts, lang)`` turns the ``Facts`` of a selection (``Selection(states=("RU", "PK"))``: the events both
states take part in; one state: all its events) into a ``Report``:

- ``summary``: counts of events, meetings, agreements and cooperation, frictions, other events, people, topics,
  statements and sources, and the period they span;
- ``timeline``: events per month by PLOVER type, every month from the first to the last (none left out);
- ``meetings``, ``cooperation``, ``frictions``, ``other``: one ``Line`` per event, newest last, with date, place,
  states, participants with their posts, organisations, topics, the evidence sentences (original language) and
  the numbers of its sources;
- ``people``: the people involved on each side (one state: that state and its counterparts), with their posts
  and how many events they took part in;
- ``topics``: the topics of the events, most frequent first;
- ``statements``: quotes in the original language, with speaker, date and source;
- ``sources``: the articles behind every line, numbered ``S1``, ``S2``… in order of first use.

The renderers (``render_md``, ``render_html``, ``render_csv``, ``render_json``) only lay this out, escaping as
their format needs.
"""
from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import asdict, dataclass, field

from ontology import refdata
from ontology.iris import state_iri

from .facts import Event, Facts

MEETING_TYPES = ("CONSULT",)
SECTIONS = ("meetings", "cooperation", "frictions", "other")
SECTION_TITLES = {"meetings": "Meetings", "cooperation": "Agreements and cooperation", "frictions": "Frictions",
                  "other": "Other events"}


@dataclass
class Participant:
    name: str
    iri: str
    state: str = ""             # ISO code, "" when unknown
    posts: list[str] = field(default_factory=list)


@dataclass
class Quote:
    text: str
    lang: str


@dataclass
class Line:
    """One event of the report."""

    event: str                  # IRI
    date: str
    type: str                   # PLOVER code
    type_label: str
    polarity: str
    meeting: bool
    place: str
    states: list[str]           # state names
    state_codes: list[str]
    participants: list[Participant]
    organizations: list[str]
    topics: list[str]
    evidence: list[Quote]
    sources: list[int]          # numbers in Report.sources


@dataclass
class PersonRow:
    name: str
    iri: str
    other_names: list[str]
    posts: list[str]
    events: int
    statements: int


@dataclass
class Side:
    code: str                   # ISO code, or "" for people of other or unknown states
    name: str
    people: list[PersonRow]


@dataclass
class StatementRow:
    quote: str
    lang: str
    speaker: str
    speaker_post: str
    side: str                   # ISO code of the speaker's state, "" when unknown
    date: str
    event_type: str
    sentence: str
    sources: list[int]


@dataclass
class SourceRow:
    number: int
    headline: str
    publisher: str
    agency: str
    published: str
    url: str
    lang: str
    iri: str


@dataclass
class Month:
    month: str                  # YYYY-MM
    counts: dict[str, int]      # PLOVER code → events


@dataclass
class Report:
    title: str
    states: list[str]           # ISO codes of the selection
    state_names: list[str]
    lang: str
    period: str                 # what the selection asked for
    span: list[str]             # [first date, last date] of the events found
    summary: dict[str, int]
    types: list[str]            # PLOVER codes present, in PLOVER order
    type_labels: dict[str, str]
    polarity: dict[str, str]    # PLOVER code → polarity
    timeline: list[Month]
    undated: int                # events without a month
    meetings: list[Line]
    cooperation: list[Line]
    frictions: list[Line]
    other: list[Line]
    people: list[Side]
    topics: list[tuple[str, int]]
    statements: list[StatementRow]
    sources: list[SourceRow]

    def sections(self) -> list[tuple[str, str, list[Line]]]:
        """(key, title, lines) of the four event sections."""
        return [(key, SECTION_TITLES[key], getattr(self, key)) for key in SECTIONS]

    def to_dict(self) -> dict:
        return asdict(self)


def section_of(event: Event) -> str:
    if event.meeting or event.type in MEETING_TYPES:
        return "meetings"
    if event.polarity == "cooperation":
        return "cooperation"
    if event.polarity == "friction":
        return "frictions"
    return "other"


def _months(first: str, last: str) -> list[str]:
    y, m = int(first[:4]), int(first[5:7])
    out = []
    while f"{y:04d}-{m:02d}" <= last:
        out.append(f"{y:04d}-{m:02d}")
        m += 1
        if m > 12:
            y, m = y + 1, 1
    return out


class _Sources:
    def __init__(self, facts: Facts):
        self.facts = facts
        self.numbers: dict[str, int] = {}

    def number(self, iri: str) -> int:
        if iri not in self.numbers:
            self.numbers[iri] = len(self.numbers) + 1
        return self.numbers[iri]

    def rows(self) -> list[SourceRow]:
        out = []
        for iri, n in sorted(self.numbers.items(), key=lambda kv: kv[1]):
            src = self.facts.sources.get(iri)
            out.append(SourceRow(number=n, headline=src.headline if src else "", publisher=src.publisher if src else "",
                                 agency=src.agency if src else "", published=src.published if src else "",
                                 url=src.url if src else "", lang=src.lang if src else "", iri=iri))
        return out


def _posts(facts: Facts, iri: str) -> list[str]:
    person = facts.people.get(iri)
    return list(dict.fromkeys(p.label for p in person.posts)) if person else []


def build(facts: Facts, lang: str = "en") -> Report:
    """The report on the events of ``facts`` (see the module docstring)."""
    sel = facts.selection
    label = facts.labels.get
    sources = _Sources(facts)
    events = facts.sorted_events()
    statements_of: dict[str, list] = defaultdict(list)
    for st in facts.statements:
        statements_of[st.event or ""].append(st)

    lines: dict[str, list[Line]] = {key: [] for key in SECTIONS}
    for ev in events:
        numbers = [sources.number(e.article) for e in ev.evidence]
        participants = []
        for p in ev.people:
            person = facts.people.get(p)
            participants.append(Participant(name=label(p, lang), iri=p, state=(person.state or "") if person else "",
                                            posts=_posts(facts, p)))
        codes = sorted(ev.states, key=lambda c: (sel.states.index(c) if c in sel.states else len(sel.states), c))
        line = Line(event=ev.iri, date=ev.date or "", type=ev.type, type_label=facts.type_label(ev.type, lang),
                    polarity=ev.polarity, meeting=ev.meeting,
                    place=label(ev.place, lang) if ev.place else "",
                    states=[facts.state_label(c, lang) for c in codes], state_codes=codes,
                    participants=participants, organizations=[label(o, lang) for o in ev.organizations],
                    topics=[label(t, lang) for t in ev.topics],
                    evidence=[Quote(text=e.sentence, lang=e.lang) for e in ev.evidence if e.sentence],
                    sources=sorted(set(numbers)))
        lines[section_of(ev)].append(line)

    # people, per side
    involvement: Counter = Counter(p for ev in events for p in ev.people)
    spoken: Counter = Counter(st.speaker for st in facts.statements if st.speaker)
    sides: dict[str, list[PersonRow]] = defaultdict(list)
    for iri in sorted(set(involvement) | set(spoken)):
        person = facts.people.get(iri)
        code = (person.state or "") if person else ""
        name = label(iri, lang)
        others = list(dict.fromkeys(text for _, text in facts.labels.all(iri) if text != name))
        row = PersonRow(name=name, iri=iri, other_names=others, posts=_posts(facts, iri), events=involvement[iri],
                        statements=spoken[iri])
        side = code if (not sel.states or code in sel.states) else ""
        sides[side].append(row)
    order = list(sel.states) + sorted(c for c in sides if c and c not in sel.states)
    people: list[Side] = []
    for code in order + [""]:
        rows = sides.get(code)
        if rows is None and code not in sel.states:
            continue
        rows = sorted(rows or [], key=lambda r: (-r.events, r.name.casefold()))
        name = facts.state_label(code, lang) if code else ("other states" if sel.states else "state unknown")
        people.append(Side(code=code, name=name, people=rows))

    topics = Counter(label(t, lang) for ev in events for t in ev.topics
                     if str(t) not in {str(state_iri(c)) for c in sel.states})

    statements = []
    for st in facts.statements:
        ev = facts.events.get(st.event or "")
        person = facts.people.get(st.speaker or "")
        statements.append(StatementRow(
            quote=st.quote, lang=st.lang, speaker=label(st.speaker, lang) if st.speaker else "",
            speaker_post=(_posts(facts, st.speaker)[:1] or [""])[0] if st.speaker else "",
            side=(person.state or "") if person else "", date=(ev.date or "") if ev else "",
            event_type=facts.type_label(ev.type, lang) if ev else "", sentence=st.sentence,
            sources=[sources.number(st.article)] if st.article else []))

    dated = [ev for ev in events if ev.month]
    timeline: list[Month] = []
    if dated:
        per_month: dict[str, Counter] = defaultdict(Counter)
        for ev in dated:
            per_month[ev.month][ev.type] += 1
        for month in _months(dated[0].month, max(ev.month for ev in dated)):
            timeline.append(Month(month=month, counts=dict(per_month.get(month, {}))))
    order_types = list(refdata.plover_types())
    present = sorted({ev.type for ev in events}, key=lambda t: order_types.index(t) if t in order_types else 99)
    dates = [ev.date for ev in events if ev.date]
    names = [facts.state_label(c, lang) for c in sel.states]
    if len(names) >= 2:
        title = " – ".join(names) + ": relations"
    elif names:
        title = f"{names[0]}: relations with other states"
    else:
        title = "Relations between states"

    summary = {
        "events": len(events),
        "meetings": len(lines["meetings"]),
        "cooperation": len(lines["cooperation"]),
        "frictions": len(lines["frictions"]),
        "other": len(lines["other"]),
        "people": sum(len(side.people) for side in people),
        "topics": len(topics),
        "statements": len(statements),
        "sources": len(sources.numbers),
    }
    return Report(
        title=title, states=list(sel.states), state_names=names, lang=lang,
        period=sel.period_text(),
        span=[min(dates), max(dates)] if dates else [], summary=summary, types=present,
        type_labels={t: facts.type_label(t, lang) for t in present},
        polarity={t: facts.polarity.get(t, "neutral") for t in present}, timeline=timeline,
        undated=len(events) - len(dated), meetings=lines["meetings"], cooperation=lines["cooperation"],
        frictions=lines["frictions"], other=lines["other"], people=people,
        topics=sorted(topics.items(), key=lambda kv: (-kv[1], kv[0].casefold())), statements=statements,
        sources=sources.rows())
