"""Identity: the same state, person or event — from any article, in any language — gets one IRI.

- States, organisations, places: their reference ids (``id/state/RU``).
- People: state + cross-script name key (``person/RU-l.fmn`` for Фомин, فومين, Fomin with first name
  Alexander/Александр/ألكسندر). A bare surname, or a person whose state the article does not give, takes the IRI of
  the one person in the store that fits, if there is exactly one.
- Events: same PLOVER type, same participant states, dates within a day, compatible places (either names none,
  or the event is known there) → the event already in the store, or named earlier in the same article; else a
  new IRI from type, states and date (an undated event is keyed by its article).
Lookups go through a ``select`` function (a store's SELECT); without one, IRIs are the deterministic keys. The
queries are simple enough for any SPARQL 1.1 server (Virtuoso 7 included); what they find is compared here.
"""
from __future__ import annotations

import bisect
import datetime as dt
from dataclasses import dataclass, field
from typing import Callable

from rdflib import Literal, URIRef
from rdflib.namespace import XSD

from ontology import ID_BASE
from ontology.iris import concept_iri, event_iri, person_iri, place_iri
from ontology.vocab import LG, ORG, RDFS, SCHEMA, SEM

from .model import Event, Extraction, Official

Select = Callable[[str], "object"]        # returns graph_store.base.SelectResult

_PERSON_BASE = f"{ID_BASE}person/"
_STATE_BASE = f"{ID_BASE}state/"

HOLDER_PREDICATES = tuple(str(p) for p in (LG.post, ORG.member, LG.nameKey, RDFS.label, SCHEMA.datePublished))
"""What the post-holder look-up reads (``Resolver._holder_in_graph``): every triple with one of these
predicates, and the ``gaf:denotedBy`` of memberships with the ``lg:inArticle`` of those mentions."""


@dataclass
class Identity:
    persons: list[URIRef] = field(default_factory=list)            # parallel to Extraction.officials
    holders: list[tuple[URIRef, str, str] | None] = field(default_factory=list)   # parallel to Extraction.unnamed:
                                                                   # (person IRI, Latin label, name key) or None
    events: list[URIRef] = field(default_factory=list)             # parallel to Extraction.events
    event_dates: list[str | None] = field(default_factory=list)    # the canonical date of each event


def person_key(off: Official) -> str:
    return f"{off.state or 'XX'}-{off.key or ''}"


def undated_event_key(ex: Extraction, n: int, ev: Event) -> str:
    return f"{ev.type}-{'-'.join(sorted(ev.states))}-a{ex.article.id[:16]}-{n}"


def dated_event_key(ev: Event, date: str) -> str:
    return f"{ev.type}-{'-'.join(sorted(ev.states))}-{date}"


class Resolver:
    """Resolves identities for one article at a time (call sequentially: each write is seen by the next).

    People are looked up in a table of the store's people (``lg:Person``), read from the store through ``select``
    at the first look-up that needs it (one scan of the people: ~70 ms at 10M triples, less than one query for a
    surname, which read every typed person) and kept current with the people of each article ``seen`` is given —
    the caller gives it every article it writes, once written (or, on the bulk path, once mapped). Dated events
    are looked up by a SPARQL query each — or, with ``tables=True`` (long runs), in a table read from the store
    once, at construction (seconds at millions of triples; the store must then hold everything written so far),
    and kept current with every event this resolver hands out: a look-up then costs the same at any store size.
    Posts named without their holder are looked up by a query, through ``holder_select`` when given (a small
    index that knows the articles not yet written: see ``HOLDER_PREDICATES``)."""

    def __init__(self, select: Select | None = None, tables: bool = False, holder_select: Select | None = None):
        self.select = select
        self.holder_select = holder_select or select
        self.tables = tables and select is not None
        self._events: dict[tuple[str, frozenset[str]], list[_Known]] | None = None
        self._typed: set[str] = set()                 # the lg:Person IRIs
        self._people: dict[str, set[str]] = {}       # the same by every suffix after a "." or "-"
        self._people_read = False                     # whether these two are read from the store
        # without tables: the events the article being resolved named (and those the store was asked for)
        self._article: dict[tuple[str, frozenset[str]], list[_Known]] = {}
        if self.tables:
            self._event_table()
            self._read_people()

    def resolve(self, ex: Extraction) -> Identity:
        ident = Identity()
        self._article = {}
        for off in ex.officials:
            ident.persons.append(self._person(off))
        for n, ev in enumerate(ex.events):
            iri, date = self._event(ex, n, ev)
            ident.events.append(iri)
            ident.event_dates.append(date)
        for off in ex.unnamed:
            ident.holders.append(self._holder(off, ex.article.published_date))
        return ident

    # --- a post named without its holder -------------------------------------------------------------------------
    def _holder(self, off: Official, date: str | None) -> tuple[URIRef, str, str] | None:
        """Who held the post at ``date``: the graph's memberships first (the holder whose attested interval covers
        the date, else the nearest), then the table of well-known office-holders."""
        if self.select is not None and date:
            found = self._holder_in_graph(off, date)
            if found:
                return found
        return _holder_in_table(off, date)

    def _holder_in_graph(self, off: Official, date: str) -> tuple[URIRef, str, str] | None:
        from ontology.iris import post_iri
        from ontology.vocab import GAF
        # a fact k articles attest is k quads in the union default graph: DISTINCT sub-selects keep the join small.
        # Reads only the facts HOLDER_PREDICATES lists (what the bulk path's holder index keeps): keep them in step.
        q = f"""SELECT ?person (SAMPLE(?label) AS ?name) (SAMPLE(?key) AS ?k) (MIN(?start0) AS ?start) (MAX(?end0) AS ?end) WHERE {{
  {{ SELECT ?mem (MIN(?d) AS ?start0) (MAX(?d) AS ?end0) WHERE {{
      {{ SELECT DISTINCT ?mem WHERE {{
          ?mem <{LG.post}> {post_iri(post_key(off)).n3()} .
      }} }}
      ?mem <{GAF.denotedBy}> ?m . ?m <{LG.inArticle}> ?a . ?a <{SCHEMA.datePublished}> ?d .
  }} GROUP BY ?mem }}
  {{ SELECT DISTINCT ?mem ?person WHERE {{ ?mem <{ORG.member}> ?person }} }}
  ?person <{LG.nameKey}> ?key .
  OPTIONAL {{ ?person <{RDFS.label}> ?label . FILTER(LANG(?label) = "en") }}
}} GROUP BY ?person LIMIT 50"""
        best = None
        for person, name, key, start, end in self.holder_select(q).rows:
            s_, e_ = str(start or ""), str(end or "")
            if s_ and e_ and s_ <= date <= e_:
                distance = 0
            elif s_ and e_:
                distance = min(abs(_days(date, s_)), abs(_days(date, e_)))
            else:
                distance = 10 ** 6
            if best is None or distance < best[0]:
                best = (distance, URIRef(str(person)), str(name or ""), str(key or ""))
        if best is None or best[0] > 3 * 365:
            return None
        return best[1], best[2], best[3]

    # --- people ------------------------------------------------------------------------------------------------
    def _person(self, off: Official) -> URIRef:
        key = off.key or ""
        default = person_iri(person_key(off))
        if self.select is None or not key:
            return default
        surname = key.split(".")[-1]
        prefix = f"{ID_BASE}person/{off.state}-" if off.state else f"{ID_BASE}person/"
        if not self._people_read:
            self._read_people()
        if off.state and "." in key and str(default) in self._typed:
            return default
        # a bare surname, or no state: the one known person that fits
        rows = sorted(p for p in self._people.get(surname, ()) if p.startswith(prefix))
        if "." in key:
            initial = key.split(".")[0]
            rows = [r for r in rows if str(r).rsplit("-", 1)[-1].startswith(initial + ".") or
                    str(r).rsplit("-", 1)[-1] == surname]
        if len(rows) == 1:
            return URIRef(str(rows[0]))
        return default

    def seen(self, ident: Identity) -> None:
        """Take the people of an article written (or, on the bulk path, mapped: every one is an lg:Person of its
        graph) into the people table, once it is read."""
        if not self._people_read:
            return
        for iri in ident.persons:
            self._add_person(str(iri))
        for found in ident.holders:
            if found:
                self._add_person(str(found[0]))

    def _add_person(self, iri: str) -> None:
        if not iri.startswith(_PERSON_BASE):
            return
        self._typed.add(iri)
        for n, c in enumerate(iri):
            if c == "." or c == "-":
                self._people.setdefault(iri[n + 1:], set()).add(iri)

    def _read_people(self) -> None:
        """The store's people (lg:Person IRIs), read once."""
        for s, in self.select(f"SELECT DISTINCT ?s WHERE {{ ?s a <{LG.Person}> }}").rows:
            self._add_person(str(s))
        self._people_read = True

    # --- events ------------------------------------------------------------------------------------------------
    def _event(self, ex: Extraction, n: int, ev: Event) -> tuple[URIRef, str | None]:
        if not ev.date:
            return event_iri(undated_event_key(ex, n, ev)), None
        if self.select is None or len(ev.date) != 10 or not ev.states:
            return event_iri(dated_event_key(ev, ev.date)), ev.date
        place = str(place_iri(ev.place)) if ev.place else None
        day = dt.date.fromisoformat(ev.date)
        key = (ev.type, frozenset(ev.states))
        if self.tables:
            candidates = self._event_table().setdefault(key, [])
        else:   # the store's events near that day, and the events this article named before this one
            candidates = self._article.setdefault(key, [])
            for known in self._find_events(ev, day):
                _add_known(candidates, known)
        for known in candidates:               # by IRI, then day
            if abs((known.day - day).days) <= 1 and _compatible(place, known.places):
                if place:
                    known.places.add(place)
                return URIRef(known.iri), known.day.isoformat()
        iri = event_iri(dated_event_key(ev, ev.date))
        _add_known(candidates, _Known(str(iri), day, {place} if place else set()))
        return iri, ev.date

    def _find_events(self, ev: Event, day: dt.date) -> list[_Known]:
        """The store's events of ``ev``'s type and participant states dated within a day of ``day``. The store is
        asked for the events dated on those three days (the dates as values: an index look-up each, where a
        range filter read every event of the type — 0.7 s per look-up at 10M triples against 7–9 ms), with their
        type, actors and places: one basic pattern, which every SPARQL server evaluates (Virtuoso fails on the
        aggregates and negation of a query that compares the states itself); the states are compared here."""
        days = []
        for d in (-1, 0, 1):
            try:
                days.append(Literal(day + dt.timedelta(days=d), datatype=XSD.date).n3())
            except OverflowError:      # before the first or after the last day of the calendar
                continue
        q = f"""SELECT DISTINCT ?e ?d ?a ?p WHERE {{
  VALUES ?d {{ {" ".join(days)} }}
  ?e <{SEM.hasTimeStamp}> ?d ; <{LG.eventType}> {concept_iri('plover', ev.type).n3()} ; <{SEM.hasActor}> ?a .
  OPTIONAL {{ ?e <{SEM.hasPlace}> ?p }}
}}"""
        found: dict[str, tuple[set[str], set[str], set[str]]] = {}      # event → its dates, states, places
        for e, d, a, p in self.select(q).rows:
            dates, states, places = found.setdefault(str(e), (set(), set(), set()))
            dates.add(str(d))
            if str(a).startswith(_STATE_BASE):
                states.add(str(a)[len(_STATE_BASE):])
            if p is not None:
                places.add(str(p))
        out = []
        for e, (dates, states, places) in found.items():
            if states == set(ev.states):
                for d in dates:
                    try:
                        out.append(_Known(e, dt.date.fromisoformat(d), set(places)))
                    except ValueError:
                        continue
        return out

    def _event_table(self) -> dict[tuple[str, frozenset[str]], list["_Known"]]:
        """The store's dated events by (PLOVER type, participant states), read once."""
        if self._events is not None:
            return self._events
        self._events = {}
        state_prefix, type_prefix = f"{ID_BASE}state/", str(concept_iri("plover", "X"))[:-1]
        q = f"""SELECT ?e ?t ?d (GROUP_CONCAT(DISTINCT STR(?p); separator=" ") AS ?places)
  (GROUP_CONCAT(DISTINCT STR(?a); separator=" ") AS ?actors) WHERE {{
  ?e <{LG.eventType}> ?t ; <{SEM.hasTimeStamp}> ?d ; <{SEM.hasActor}> ?a .
  FILTER(DATATYPE(?d) = <{XSD.date}> && STRSTARTS(STR(?a), "{state_prefix}"))
  OPTIONAL {{ ?e <{SEM.hasPlace}> ?p }}
}} GROUP BY ?e ?t ?d"""
        for e, t, d, places, actors in self.select(q).rows:
            try:
                day = dt.date.fromisoformat(str(d))
            except ValueError:
                continue
            states = frozenset(a[len(state_prefix):] for a in str(actors).split())
            key = (str(t)[len(type_prefix):], states)
            self._events.setdefault(key, []).append(_Known(str(e), day, set(str(places or "").split())))
        for candidates in self._events.values():
            candidates.sort(key=_iri_and_day)      # as _find_event tries them
        return self._events


@dataclass
class _Known:
    """A dated event the resolver knows: its IRI, day and places (IRIs), for matching later reports."""

    iri: str
    day: dt.date
    places: set[str]


def _iri_and_day(known: _Known) -> tuple[str, dt.date]:
    return known.iri, known.day


def _add_known(candidates: list[_Known], known: _Known) -> None:
    """Put ``known`` into ``candidates`` (sorted by IRI, then day); an event already there with that day takes
    its places."""
    at = bisect.bisect_left(candidates, _iri_and_day(known), key=_iri_and_day)
    if at < len(candidates) and _iri_and_day(candidates[at]) == _iri_and_day(known):
        candidates[at].places |= known.places
    else:
        candidates.insert(at, known)


def _compatible(place: str | None, places: set[str]) -> bool:
    """Whether a report at ``place`` (an IRI, or None when it names none) can be of an event known at
    ``places``: either names no place, or the event is known at that one."""
    return not place or not places or place in places


def _days(a: str, b: str) -> int:
    try:
        return (dt.date.fromisoformat(a[:10]) - dt.date.fromisoformat(b[:10])).days
    except ValueError:
        return 10 ** 6


def post_key(off: Official) -> str:
    """The key of an official's post: state (or organisation), role, portfolio, and "deputy" / "first" /
    "assistant" for the posts under it ("RU-minister-defence-deputy")."""
    pkey = "-".join(filter(None, [off.state or off.org, off.role, off.portfolio or ""]))
    if junior_post(off):
        pkey += "-" + off.position.split()[0].lower()
    return pkey


def junior_post(off: Official) -> bool:
    """A deputy's or assistant's post: several people hold it at once."""
    return bool(off.position and off.position.lower().startswith(("deputy", "first deputy", "assistant")))


def _holder_in_table(off: Official, date: str | None) -> tuple[URIRef, str, str] | None:
    """The well-known office-holder (people table) who held this post of this state in the article's year."""
    from ontology import refdata

    from .translit import name_key
    if not date or junior_post(off):
        return None         # the table lists heads of posts, not their deputies
    year = int(date[:4])
    found = [p for p in refdata.people().values() if p.state == off.state and any(
        post.role == off.role and (post.portfolio or None) == (off.portfolio or None) and post.org is None
        and post.covers(year) for post in p.posts)]
    if len(found) != 1:
        return None
    person = found[0]
    latin = person.label("en")
    key = name_key(latin)
    return person_iri(f"{off.state}-{key}"), latin, key
