"""What the network page and the reports show, read from the store with a few SPARQL queries.

``load(store, selection)`` returns ``Facts``: the selected events (type, polarity, date, place, participants,
topics, the sentences that state them), the articles behind them, the people taking part with their posts, the
statements made at those events, and the labels of everything in every language the store has.

A ``Selection`` narrows the events: states (one: events it takes part in; two or more: events all of them take
part in), a period, PLOVER types. The states become IRIs (``state_iri``) before they go into a query, so no text
the user typed ever reaches SPARQL; the period and the types are applied here, in Python, because partial dates
(``2023``, ``2023-05``) compare as intervals, which SPARQL's ordering of mixed date types does not do.
"""
from __future__ import annotations

import calendar
import re
from dataclasses import dataclass, field
from typing import Iterable, Iterator

from legation.errors import ParameterError
from ontology import refdata
from ontology.iris import state_iri
from ontology.vocab import PREFIXES

from .labels import LABEL, PREF, Labels, kind_of, state_code

POLARITIES = ("cooperation", "neutral", "friction")
BATCH = 400                 # IRIs per VALUES block

_PREFIXES = "".join(f"PREFIX {p}: <{ns}>\n" for p, ns in PREFIXES.items())
_DATE_RE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")


# --- the selection -----------------------------------------------------------------------------------------

def _date_bounds(value: str, what: str) -> tuple[str, str]:
    """(first day, last day) of ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``."""
    m = _DATE_RE.match(str(value).strip())
    if not m:
        raise ParameterError(f"{what} {value!r} is not a date", hint="write YYYY, YYYY-MM or YYYY-MM-DD")
    year, month, day = m.group(1), m.group(2), m.group(3)
    if month and not 1 <= int(month) <= 12:
        raise ParameterError(f"{what} {value!r} is not a date", hint="write YYYY, YYYY-MM or YYYY-MM-DD")
    if day:
        last = calendar.monthrange(int(year), int(month))[1]
        if not 1 <= int(day) <= last:
            raise ParameterError(f"{what} {value!r} is not a date", hint="write YYYY, YYYY-MM or YYYY-MM-DD")
        return f"{year}-{month}-{day}", f"{year}-{month}-{day}"
    if month:
        last = calendar.monthrange(int(year), int(month))[1]
        return f"{year}-{month}-01", f"{year}-{month}-{last:02d}"
    return f"{year}-01-01", f"{year}-12-31"


def date_interval(value: str | None) -> tuple[str, str] | None:
    """The days a (possibly partial) event date covers, or None when it has no usable date."""
    if not value:
        return None
    try:
        return _date_bounds(value[:10], "date")
    except ParameterError:
        return None


def check_state(code: str) -> str:
    """An ISO 3166-1 code of a known state, upper-cased (``ParameterError`` otherwise)."""
    norm = str(code).strip().upper()
    if norm not in refdata.states():
        raise ParameterError(f"{code!r} is not the ISO 3166-1 code of a known state",
                             hint="use two-letter codes such as RU, PK, EG")
    return norm


def check_type(value: str) -> tuple[str, ...]:
    """PLOVER codes for a ``--type`` value: a code (``CONSULT``) or a polarity (``friction``: all its types)."""
    text = str(value).strip()
    types = refdata.plover_types()
    if text.upper() in types:
        return (text.upper(),)
    if text.lower() in POLARITIES:
        return tuple(code for code, c in types.items() if c.extra.get("polarity") == text.lower())
    raise ParameterError(f"{value!r} is not a PLOVER event type",
                         hint=f"use one of {', '.join(types)} or cooperation/neutral/friction")


@dataclass(frozen=True)
class Selection:
    """Which events to show. Empty fields select everything."""

    states: tuple[str, ...] = ()
    since: str | None = None
    until: str | None = None
    types: tuple[str, ...] = ()

    @classmethod
    def make(cls, states: Iterable[str] = (), since: str | None = None, until: str | None = None,
             types: Iterable[str] = ()) -> "Selection":
        """A checked selection: codes upper-cased, types expanded, dates validated (``ParameterError``)."""
        codes = tuple(dict.fromkeys(check_state(s) for s in states))
        expanded: list[str] = []
        for t in types:
            expanded.extend(check_type(t))
        if since:
            _date_bounds(since, "--since")
        if until:
            _date_bounds(until, "--until")
        if since and until and _date_bounds(since, "--since")[0] > _date_bounds(until, "--until")[1]:
            raise ParameterError(f"the period {since} … {until} is empty", hint="--since must come before --until")
        return cls(states=codes, since=since or None, until=until or None, types=tuple(dict.fromkeys(expanded)))

    def period(self) -> tuple[str | None, str | None]:
        """(first day, last day) of the period; None for an open end."""
        return (_date_bounds(self.since, "--since")[0] if self.since else None,
                _date_bounds(self.until, "--until")[1] if self.until else None)

    def admits(self, event: "Event") -> bool:
        """True when ``event`` is in the selection (its states were already matched by the query)."""
        if self.types and event.type not in self.types:
            return False
        start, end = self.period()
        if start is None and end is None:
            return True
        span = date_interval(event.date)
        if span is None:
            return False
        return (start is None or span[1] >= start) and (end is None or span[0] <= end)

    def period_text(self) -> str:
        """``2023 … 2024-06``, ``from 2023``, ``until 2024-06`` or ``all dates``."""
        if self.since and self.until:
            return f"{self.since} … {self.until}"
        if self.since:
            return f"from {self.since}"
        if self.until:
            return f"until {self.until}"
        return "all dates"

    def describe(self) -> str:
        """A short human description: ``RU–PK, 2023-01 … 2024-06, CONSULT/AGREE``."""
        parts = []
        if self.states:
            parts.append("–".join(self.states))
        if self.since or self.until:
            parts.append(self.period_text())
        if self.types:
            parts.append("/".join(self.types))
        return ", ".join(parts) or "all events"


# --- what is read -------------------------------------------------------------------------------------------

@dataclass
class Source:
    """A news article behind some facts."""

    iri: str
    headline: str = ""
    published: str = ""
    publisher: str = ""
    agency: str = ""            # schema:isBasedOn: the credited source agency
    url: str = ""
    lang: str = ""


@dataclass
class Evidence:
    """A sentence of an article that states a fact (original language)."""

    sentence: str
    lang: str
    anchor: str
    article: str                # Source IRI
    begin: int = 0


@dataclass
class Event:
    iri: str
    type: str                   # PLOVER code
    polarity: str               # cooperation | neutral | friction
    meeting: bool = False
    date: str | None = None     # YYYY, YYYY-MM or YYYY-MM-DD
    place: str | None = None    # place IRI
    context: str | None = None  # context IRI
    states: list[str] = field(default_factory=list)         # ISO codes
    people: list[str] = field(default_factory=list)         # person IRIs
    organizations: list[str] = field(default_factory=list)  # organisation IRIs
    topics: list[str] = field(default_factory=list)         # topic (or state) IRIs
    evidence: list[Evidence] = field(default_factory=list)

    @property
    def month(self) -> str | None:
        return self.date[:7] if self.date and len(self.date) >= 7 else None

    def sort_key(self) -> tuple:
        return (self.date or "9999", self.type, self.iri)


@dataclass
class Post:
    iri: str
    label: str                  # English, as the store has it
    state: str | None = None    # ISO code


@dataclass
class Person:
    iri: str
    state: str | None = None    # ISO code, from the posts (else from the IRI's key)
    posts: list[Post] = field(default_factory=list)


@dataclass
class Statement:
    iri: str
    quote: str
    lang: str
    speaker: str | None = None  # person IRI
    event: str | None = None    # event IRI
    sentence: str = ""
    article: str | None = None  # Source IRI


@dataclass
class OrgLink:
    """An organisation that is a body of a state (``sub``) or has it as a member (``member``)."""

    org: str
    state: str                  # ISO code
    relation: str


@dataclass
class Facts:
    selection: Selection
    events: dict[str, Event] = field(default_factory=dict)
    sources: dict[str, Source] = field(default_factory=dict)
    people: dict[str, Person] = field(default_factory=dict)
    statements: list[Statement] = field(default_factory=list)
    org_links: list[OrgLink] = field(default_factory=list)
    labels: Labels = field(default_factory=Labels)
    polarity: dict[str, str] = field(default_factory=dict)   # PLOVER code → polarity

    def sorted_events(self) -> list[Event]:
        return sorted(self.events.values(), key=Event.sort_key)

    def label(self, iri: str, lang: str = "en") -> str:
        return self.labels.get(iri, lang)

    def state_label(self, code: str, lang: str = "en") -> str:
        return self.labels.get(str(state_iri(code)), lang)

    def type_label(self, code: str, lang: str = "en") -> str:
        """The name of a PLOVER type for readers of ``lang``: "Consultation", "Консультации"."""
        concept = refdata.plover_types().get(code)
        if concept is None:
            return code
        names = concept.labels.get(lang) or concept.labels.get("en") or (code,)
        name = names[1] if lang == "en" and len(names) > 1 else names[0]   # the noun: "agreement", not "agree"
        return name[:1].upper() + name[1:]


# --- reading -----------------------------------------------------------------------------------------------

def _s(term) -> str:
    return "" if term is None else str(term)


def _lang(term) -> str:
    return (getattr(term, "language", None) or "").lower()


def _batches(items: list[str]) -> Iterator[list[str]]:
    for i in range(0, len(items), BATCH):
        yield items[i:i + BATCH]


def _values(var: str, iris: list[str]) -> str:
    return f"VALUES ?{var} {{ " + " ".join(f"<{iri}>" for iri in iris) + " }"


def _select(store, query: str):
    return store.select(_PREFIXES + query).rows


def _state_patterns(selection: Selection) -> str:
    return "".join(f"  ?e sem:hasActor {state_iri(code).n3()} .\n" for code in selection.states)


def _polarities(store) -> dict[str, str]:
    out = {code: c.extra.get("polarity", "neutral") for code, c in refdata.plover_types().items()}
    for concept, polarity in _select(store, "SELECT DISTINCT ?c ?p WHERE { ?c lg:polarity ?p }"):
        if kind_of(_s(concept)) == "plover" and _s(polarity) in POLARITIES:
            out[_s(concept).rsplit("/", 1)[-1]] = _s(polarity)
    return out


def load(store, selection: Selection | None = None) -> Facts:
    """Read the selected events and everything about them from ``store`` (any back-end of graph_store)."""
    selection = selection or Selection()
    facts = Facts(selection=selection)
    facts.polarity = _polarities(store)
    states = _state_patterns(selection)

    rows = _select(store, f"""SELECT DISTINCT ?e ?type ?date ?place ?context ?meeting WHERE {{
  ?e lg:eventType ?type .
{states}  OPTIONAL {{ ?e sem:hasTimeStamp ?date }}
  OPTIONAL {{ ?e sem:hasPlace ?place }}
  OPTIONAL {{ ?e lg:context ?context }}
  BIND(EXISTS {{ ?e a lg:Meeting }} AS ?meeting)
}}""")
    events = facts.events
    for e, type_, date, place, context, meeting in rows:
        iri = _s(e)
        code = _s(type_).rsplit("/", 1)[-1]
        ev = events.get(iri)
        if ev is None:
            ev = events[iri] = Event(iri=iri, type=code, polarity=facts.polarity.get(code, "neutral"))
        elif code < ev.type:                                 # one type per event; a stable choice if several
            ev.type, ev.polarity = code, facts.polarity.get(code, "neutral")
        ev.meeting = ev.meeting or _s(meeting) in ("true", "1")
        d = _s(date)[:10] if date is not None else None
        if d and (ev.date is None or d < ev.date):
            ev.date = d
        if place is not None and (ev.place is None or _s(place) < ev.place):
            ev.place = _s(place)
        if context is not None and (ev.context is None or _s(context) < ev.context):
            ev.context = _s(context)
    for iri in [iri for iri, ev in events.items() if not selection.admits(ev)]:
        del events[iri]
    chosen = sorted(events)

    for batch in _batches(chosen):
        values = _values("e", batch)
        for e, actor in _select(store, f"SELECT DISTINCT ?e ?a WHERE {{ {values} ?e sem:hasActor ?a }}"):
            ev, a = events[_s(e)], _s(actor)
            kind = kind_of(a)
            if kind == "state":
                ev.states.append(state_code(a))
            elif kind == "person":
                ev.people.append(a)
            elif kind == "org":
                ev.organizations.append(a)
        for e, topic in _select(store, f"SELECT DISTINCT ?e ?t WHERE {{ {values} ?e lg:topic ?t }}"):
            events[_s(e)].topics.append(_s(topic))
        # (lg:sentence: the sentence as stores ingested before 2026-11-30 hold it, on each mention)
        for e, m, sentence, anchor, art in _select(store, f"""SELECT DISTINCT ?e ?m ?s ?a ?art WHERE {{
  {values} ?e gaf:denotedBy ?m .
  OPTIONAL {{ ?m lg:inSentence/lg:sentenceText|lg:sentence ?s }} OPTIONAL {{ ?m nif:anchorOf ?a }}
  OPTIONAL {{ ?m lg:inArticle ?art }}
}}"""):
            ev = events[_s(e)]
            art_iri = _s(art) or _s(m).split("#", 1)[0]
            ev.evidence.append(Evidence(sentence=_s(sentence), lang=_lang(sentence), anchor=_s(anchor),
                                        article=art_iri, begin=_begin(_s(m))))
    for ev in events.values():
        ev.states = sorted(set(ev.states))
        ev.people = sorted(set(ev.people))
        ev.organizations = sorted(set(ev.organizations))
        ev.topics = sorted(set(ev.topics))
        ev.evidence = _dedupe_evidence(ev.evidence)

    _load_statements(store, facts, chosen)
    _load_sources(store, facts)
    _load_people(store, facts)
    _load_org_links(store, facts)
    _load_labels(store, facts)
    return facts


def _begin(mention: str) -> int:
    """Where a mention begins, from its IRI (``…#char=B,E``); 0 for an IRI of another form."""
    span = mention.rpartition("#char=")[2]
    begin = span.partition(",")[0]
    return int(begin) if begin.isdigit() else 0


def _dedupe_evidence(items: list[Evidence]) -> list[Evidence]:
    """One evidence per (article, sentence), in article then text order; sentence-less mentions last."""
    seen: dict[tuple[str, str], Evidence] = {}
    for ev in sorted(items, key=lambda x: (x.sentence == "", x.article, x.begin)):
        key = (ev.article, ev.sentence or ev.anchor)
        seen.setdefault(key, ev)
    return list(seen.values())


def _load_statements(store, facts: Facts, chosen: list[str]) -> None:
    found: dict[str, Statement] = {}
    for batch in _batches(chosen):
        for st, quote, speaker, e, sentence, art in _select(store, f"""SELECT DISTINCT ?st ?q ?sp ?e ?s ?art WHERE {{
  {_values("e", batch)} ?st lg:partOfEvent ?e ; lg:quote ?q .
  OPTIONAL {{ ?st lg:speaker ?sp }}
  OPTIONAL {{ ?st gaf:denotedBy ?m . OPTIONAL {{ ?m lg:inSentence/lg:sentenceText|lg:sentence ?s }}
              OPTIONAL {{ ?m lg:inArticle ?art }} }}
}}"""):
            iri = _s(st)
            if iri not in found:
                found[iri] = Statement(iri=iri, quote=_s(quote), lang=_lang(quote), speaker=_s(speaker) or None,
                                       event=_s(e), sentence=_s(sentence), article=_s(art) or None)
    facts.statements = sorted(found.values(), key=lambda s: (facts.events[s.event].sort_key(), s.iri))


def _load_sources(store, facts: Facts) -> None:
    iris = sorted({ev.article for e in facts.events.values() for ev in e.evidence}
                  | {s.article for s in facts.statements if s.article})
    for batch in _batches(iris):
        for art, h, d, p, b, u, lang in _select(store, f"""SELECT ?art ?h ?d ?p ?b ?u ?l WHERE {{
  {_values("art", batch)}
  OPTIONAL {{ ?art schema:headline ?h }} OPTIONAL {{ ?art schema:datePublished ?d }}
  OPTIONAL {{ ?art schema:publisher ?p }} OPTIONAL {{ ?art schema:isBasedOn ?b }}
  OPTIONAL {{ ?art schema:url ?u }} OPTIONAL {{ ?art schema:inLanguage ?l }}
}}"""):
            iri = _s(art)
            src = facts.sources.setdefault(iri, Source(iri=iri))
            src.headline = src.headline or _s(h)
            src.published = src.published or _s(d)
            src.publisher = src.publisher or _s(p)
            src.agency = src.agency or _s(b)
            src.url = src.url or _s(u)
            src.lang = src.lang or _s(lang)
    for iri in iris:
        facts.sources.setdefault(iri, Source(iri=iri))


def _load_people(store, facts: Facts) -> None:
    iris = sorted({p for e in facts.events.values() for p in e.people}
                  | {s.speaker for s in facts.statements if s.speaker})
    for iri in iris:
        key = iri.rsplit("/", 1)[-1]
        guess = key.split("-", 1)[0] if "-" in key else None
        facts.people[iri] = Person(iri=iri, state=guess if guess in refdata.states() else None)
    for batch in _batches(iris):
        rows = _select(store, f"""SELECT DISTINCT ?p ?post ?label ?state WHERE {{
  {_values("p", batch)} ?p org:holds ?post .
  OPTIONAL {{ ?post rdfs:label ?label }} OPTIONAL {{ ?post org:postIn ?state }}
}}""")
        posts: dict[tuple[str, str], Post] = {}
        for p, post, label, state in rows:
            key = (_s(p), _s(post))
            if key not in posts:
                posts[key] = Post(iri=_s(post), label=_s(label) or _s(post).rsplit("/", 1)[-1],
                                  state=state_code(_s(state)) if state is not None else None)
            elif label is not None and (_lang(label) == "en" or not posts[key].label):
                posts[key].label = min(posts[key].label, _s(label), key=len)
        for (p, _), post in sorted(posts.items()):
            person = facts.people[p]
            person.posts.append(post)
            if post.state:
                person.state = post.state


def _load_org_links(store, facts: Facts) -> None:
    iris = sorted({o for e in facts.events.values() for o in e.organizations})
    for batch in _batches(iris):
        for o, rel, s in _select(store, f"""SELECT DISTINCT ?o ?rel ?s WHERE {{
  {_values("o", batch)}
  {{ ?o org:subOrganizationOf ?s BIND("sub" AS ?rel) }} UNION {{ ?o org:hasMember ?s BIND("member" AS ?rel) }}
}}"""):
            code = state_code(_s(s))
            if code:
                facts.org_links.append(OrgLink(org=_s(o), state=code, relation=_s(rel)))


def _load_labels(store, facts: Facts) -> None:
    iris: set[str] = set()
    for e in facts.events.values():
        iris.update(str(state_iri(c)) for c in e.states)
        iris.update(e.people)
        iris.update(e.organizations)
        iris.update(e.topics)
        if e.place:
            iris.add(e.place)
    iris.update(facts.people)
    iris.update(str(state_iri(p.state)) for p in facts.people.values() if p.state)
    iris.update(str(state_iri(link.state)) for link in facts.org_links)
    iris.update(str(state_iri(code)) for code in facts.selection.states)
    for batch in _batches(sorted(iris)):
        for x, p, text in _select(store, f"""SELECT DISTINCT ?x ?p ?l WHERE {{
  {_values("x", batch)} VALUES ?p {{ skos:prefLabel rdfs:label }} ?x ?p ?l . FILTER(isLiteral(?l))
}}"""):
            facts.labels.add(_s(x), _s(text), _lang(text), PREF if _s(p).endswith("prefLabel") else LABEL)
