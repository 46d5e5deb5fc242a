"""Reference data read from ``ontology/data/*.tsv``: states, organisations, places and the SKOS concepts.

TSV files: UTF-8, tab-separated, one header row, ``#`` starts a comment line, several values in one cell are
separated by ``|`` (the first one is the preferred form). Columns are named ``<field>_<lang>`` for per-language
values (``name_en``, ``name_ar``, ``name_ru``). Everything returned here is immutable and cached.
"""
from __future__ import annotations

import csv
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from types import MappingProxyType
from typing import Mapping

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
