"""Reference data read from ``ontology/data/*.tsv``: states, organisations, places, people and the SKOS concepts.

TSV files: UTF-8, tab-separated, one header row, ``#`` starts a comment line, several values in one cell are
separated by ``|`` (the first one is the preferred form). Columns are named ``<field>_<lang>`` for per-language
values (``name_en``, ``name_ar``, ``name_ru``). Everything returned here is immutable and cached.
"""
from __future__ import annotations

import csv
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from types import MappingProxyType
from typing import Mapping, NamedTuple

from . import DATA

LANGS = ("en", "ar", "ru")


def _split(cell: str | None) -> tuple[str, ...]:
    return tuple(v.strip() for v in (cell or "").split("|") if v.strip())


def read_tsv(path: Path) -> list[dict[str, str]]:
    """Rows of a TSV file as dicts; comment and blank lines skipped."""
    with open(path, encoding="utf-8", newline="") as fh:
        lines = [ln for ln in fh if ln.strip() and not ln.startswith("#")]
    reader = csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE)
    return [{k: (v or "").strip() for k, v in row.items() if k} for row in reader]


def _per_lang(row: dict[str, str], fieldname: str) -> Mapping[str, tuple[str, ...]]:
    return MappingProxyType({lang: _split(row.get(f"{fieldname}_{lang}")) for lang in LANGS})


@dataclass(frozen=True)
class StateInfo:
    """A state or state-like entity.

    names:      official and short names ("Russia", "Russian Federation"; "روسيا"; "Россия", "РФ")
    adjectives: demonym adjectives ("Russian"; Arabic nisba without article "روسي"; Russian lemma "российский")
    people:     plural names of the people ("Russians"; "الروس"; "россияне")
    prefixes:   compound prefixes ("Russo"; ""; "российско")
    seats:      seats of government used as metonyms ("Kremlin"; "الكرملين"; "Кремль")
    """

    code: str
    iso3: str
    wikidata: str
    status: str
    names: Mapping[str, tuple[str, ...]]
    adjectives: Mapping[str, tuple[str, ...]]
    people: Mapping[str, tuple[str, ...]]
    prefixes: Mapping[str, tuple[str, ...]]
    seats: Mapping[str, tuple[str, ...]]
    capital: str | None = None          # a place id in places.tsv

    def label(self, lang: str = "en") -> str:
        return (self.names.get(lang) or self.names["en"] or (self.code,))[0]


@dataclass(frozen=True)
class OrgInfo:
    id: str
    kind: str                            # igo | alliance | armed-group | party | company | agency | court | other
    wikidata: str
    state: str | None                    # for agencies and other bodies of one state
    names: Mapping[str, tuple[str, ...]]
    acronyms: Mapping[str, tuple[str, ...]]
    members: tuple[str, ...] = ()        # member states of a small, stable group (GCC, G7, CSTO)

    def label(self, lang: str = "en") -> str:
        return (self.names.get(lang) or self.names["en"])[0]

    def acronym(self, lang: str = "en") -> str | None:
        acr = self.acronyms.get(lang) or ()
        return acr[0] if acr else None


@dataclass(frozen=True)
class PlaceInfo:
    id: str
    kind: str                            # capital | city | region | sea | other
    state: str | None
    wikidata: str
    names: Mapping[str, tuple[str, ...]]

    def label(self, lang: str = "en") -> str:
        return (self.names.get(lang) or self.names["en"])[0]


@dataclass(frozen=True)
class Concept:
    """A SKOS concept of one of our schemes (PLOVER types, contexts, roles, portfolios, topics)."""

    id: str
    labels: Mapping[str, tuple[str, ...]]
    definition: str = ""
    broader: str | None = None
    extra: Mapping[str, str] = field(default_factory=lambda: MappingProxyType({}))

    def label(self, lang: str = "en") -> str:
        return (self.labels.get(lang) or self.labels["en"])[0]


def _none(v: str) -> str | None:
    return v or None


@lru_cache(maxsize=None)
def states() -> Mapping[str, StateInfo]:
    out = {}
    for row in read_tsv(DATA / "states.tsv"):
        code = row["code"]
        out[code] = StateInfo(
            code=code, iso3=row.get("iso3", ""), wikidata=row.get("wikidata", ""), status=row.get("status", ""),
            names=_per_lang(row, "name"), adjectives=_per_lang(row, "adj"), people=_per_lang(row, "people"),
            prefixes=_per_lang(row, "prefix"), seats=_per_lang(row, "seat"), capital=_none(row.get("capital", "")),
        )
    return MappingProxyType(out)


@lru_cache(maxsize=None)
def organizations() -> Mapping[str, OrgInfo]:
    out = {}
    for row in read_tsv(DATA / "organizations.tsv"):
        out[row["id"]] = OrgInfo(
            id=row["id"], kind=row.get("kind", "other"), wikidata=row.get("wikidata", ""),
            state=_none(row.get("state", "")), names=_per_lang(row, "name"), acronyms=_per_lang(row, "acronym"),
            members=_split(row.get("members")),
        )
    return MappingProxyType(out)


@lru_cache(maxsize=None)
def places() -> Mapping[str, PlaceInfo]:
    out = {}
    for row in read_tsv(DATA / "places.tsv"):
        out[row["id"]] = PlaceInfo(
            id=row["id"], kind=row.get("kind", "other"), state=_none(row.get("state", "")),
            wikidata=row.get("wikidata", ""), names=_per_lang(row, "name"),
        )
    return MappingProxyType(out)


def _concepts(filename: str) -> Mapping[str, Concept]:
    out = {}
    for row in read_tsv(DATA / filename):
        known = {"id", "definition", "broader"} | {f"label_{lang}" for lang in LANGS}
        out[row["id"]] = Concept(
            id=row["id"], labels=_per_lang(row, "label"), definition=row.get("definition", ""),
            broader=_none(row.get("broader", "")),
            extra=MappingProxyType({k: v for k, v in row.items() if k not in known}),
        )
    return MappingProxyType(out)


@lru_cache(maxsize=None)
def plover_types() -> Mapping[str, Concept]:
    """The 16 PLOVER event types; id is the PLOVER code (AGREE, CONSULT, ...)."""
    return _concepts("plover.tsv")


@lru_cache(maxsize=None)
def contexts() -> Mapping[str, Concept]:
    return _concepts("contexts.tsv")


@lru_cache(maxsize=None)
def roles() -> Mapping[str, Concept]:
    return _concepts("roles.tsv")


@lru_cache(maxsize=None)
def portfolios() -> Mapping[str, Concept]:
    return _concepts("portfolios.tsv")


@lru_cache(maxsize=None)
def topics() -> Mapping[str, Concept]:
    return _concepts("topics.tsv")


class Post(NamedTuple):
    """One post held: ``[org:]role[/portfolio]@from-[to]`` in people.tsv.

    The first four fields are (role, portfolio|None, from_year, to_year|None); ``to_year`` None = still held as
    of 2025. ``org`` is the organisation the post is in (an id of organizations.tsv), None for a post of a state.
    """

    role: str
    portfolio: str | None
    from_year: int
    to_year: int | None
    org: str | None = None

    def covers(self, year: int) -> bool:
        return self.from_year <= year and (self.to_year is None or year <= self.to_year)


_ID = r"[a-z0-9]+(?:-[a-z0-9]+)*"
_POST = re.compile(rf"^(?:({_ID}):)?({_ID})(?:/({_ID}))?@(\d{{4}})-(\d{{4}})?$")


def parse_posts(cell: str, default_org: str | None = None) -> tuple[Post, ...]:
    """``"ambassador@1994-2004;minister/foreign-affairs@2004-"`` → Posts; ValueError on a malformed item.

    An item without an ``org:`` prefix gets ``default_org`` (None for a person with a state).
    """
    out = []
    for item in (cell or "").split(";"):
        item = item.strip()
        if not item:
            continue
        m = _POST.match(item)
        if not m:
            raise ValueError(f"malformed post {item!r} (expected [org:]role[/portfolio]@from-[to])")
        org, role, portfolio, start, end = m.groups()
        out.append(Post(role, portfolio, int(start), int(end) if end else None, org or default_org))
    return tuple(out)


@dataclass(frozen=True)
class PersonInfo:
    """A well-known office-holder (ontology/data/people.tsv).

    state: ISO code of the state they serve or served (None for officials of international organisations only)
    org:   the (first) organisation they belong to or hold a post in, an id of organizations.tsv; orgs: all of them
    posts: the posts held, in file order; a post with ``org`` None is a post of ``state``
    names: per language, the usual spellings, preferred first ("Sergey Lavrov"; "سيرغي لافروف"; "Сергей Лавров")
    """

    id: str
    wikidata: str
    state: str | None
    org: str | None
    posts: tuple[Post, ...]
    names: Mapping[str, tuple[str, ...]]
    orgs: tuple[str, ...] = ()

    def label(self, lang: str = "en") -> str:
        return (self.names.get(lang) or self.names["en"])[0]

    def posts_in(self, year: int) -> tuple[Post, ...]:
        """The posts held at some time in ``year``."""
        return tuple(p for p in self.posts if p.covers(year))


@lru_cache(maxsize=None)
def people() -> Mapping[str, PersonInfo]:
    """Well-known office-holders by id (slug of the English name)."""
    out = {}
    for row in read_tsv(DATA / "people.tsv"):
        state = _none(row.get("state", ""))
        orgs = _split(row.get("org"))
        try:
            posts = parse_posts(row.get("posts", ""), None if state else (orgs[0] if orgs else None))
        except ValueError as exc:
            raise ValueError(f"people.tsv, {row.get('id')}: {exc}") from None
        out[row["id"]] = PersonInfo(
            id=row["id"], wikidata=row.get("wikidata", ""), state=state, org=orgs[0] if orgs else None,
            posts=posts, names=_per_lang(row, "name"), orgs=orgs,
        )
    return MappingProxyType(out)
