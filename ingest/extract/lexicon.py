"""Gazetteers compiled per language from the reference data (ontology/data) and the language's own lexicons
(ingest/lang/<code>/*.tsv). Compiled once per process and language; read-only afterwards.
"""
from __future__ import annotations

import hashlib
import os
import pickle
import tempfile
from dataclasses import dataclass
from functools import cached_property, lru_cache
from pathlib import Path

from ontology import refdata

from .. import lang as languages
from ..lang.base import Language
from .gazetteer import Entry, Gazetteer, StartIndex


@dataclass(frozen=True)
class Lexicons:
    lang: Language
    entities: Gazetteer      # states (names, adjectives, peoples, seats), organisations, places
    titles: Gazetteer        # roles, modifiers, portfolios, state bodies, title connectors
    cues: Gazetteer          # event cues, attribution verbs, future/negation/hedge markers
    topics: Gazetteer        # topic cues
    dates: Gazetteer         # months, weekdays, relative days
    orgwords: Gazetteer      # words of committee/commission names, with their English
    people: Gazetteer        # full names of well-known office-holders (ontology/data/people.tsv)
    names: dict[str, str]    # native given names / known name words → Latin spelling

    @cached_property
    def word_classes(self) -> dict[str, frozenset[str]]:
        """words.tsv: each word class → the normal forms of its phrases (a class not listed has none)."""
        out: dict[str, set[str]] = {}
        for row in self.lang.rows("words.tsv"):
            for phrase in row["phrase"].split("|"):
                phrase = phrase.strip()
                if phrase:
                    out.setdefault(row["class"], set()).add(self.lang.norm(phrase))
        return _Classes({k: frozenset(v) for k, v in out.items()})

    @cached_property
    def starts(self) -> StartIndex:
        """Where each token may begin a phrase of the seven gazetteers (``Gazetteer.find``'s ``starts``)."""
        return StartIndex((self.entities, self.titles, self.cues, self.topics, self.dates, self.orgwords,
                           self.people))

    @cached_property
    def vocabulary(self) -> frozenset[str]:
        """Every word the lexicons know (for cutting words run together: ``unglue``)."""
        from .unglue import vocabulary
        return vocabulary(self)

    @cached_property
    def _class_index(self) -> dict[str, frozenset[str]]:
        """The inverse of ``word_classes``: each normal form → the classes it belongs to."""
        out: dict[str, set[str]] = {}
        for cls, words in self.word_classes.items():
            for w in words:
                out.setdefault(w, set()).add(cls)
        return {w: frozenset(c) for w, c in out.items()}

    def token_classes(self, norms: list[str], keys: list[tuple[str, ...]]) -> list[frozenset[str]]:
        """The word classes of each token, by its normal form or any of its keys (what ``token_in`` asks of
        one token, answered for a whole sentence with one look-up per key instead of one per class)."""
        index = self._class_index
        none: frozenset[str] = frozenset()
        out = []
        for norm, ks in zip(norms, keys):
            found = index.get(norm, none)
            for k in ks:
                c = index.get(k)
                if c is not None and c is not found:
                    found = found | c
            out.append(found)
        return out


class _Classes(dict):
    def __missing__(self, key):
        return frozenset()


def _pipe(cell: str) -> list[str]:
    return [v.strip() for v in (cell or "").split("|") if v.strip()]


@lru_cache(maxsize=None)
def get(code: str) -> Lexicons:
    """The compiled lexicons of a language: from the on-disk cache when the data and code are unchanged
    (compiling Russian takes seconds: every word goes through the morphology), else compiled and cached."""
    lg = languages.get(code)
    path = _cache_path(code)
    if path is not None and path.exists():
        try:
            with open(path, "rb") as fh:
                parts = pickle.load(fh)
            return Lexicons(lg, *(_attach(g, lg) for g in parts[:-1]), parts[-1])
        except Exception:          # a cache from another version or a damaged file: compile again
            pass
    from .known import compile_gazetteer
    parts = (_entities(lg), _titles(lg), _cues(lg), _topics(lg), _dates(lg), _orgwords(lg), compile_gazetteer(lg),
             _names(lg))
    if path is not None:
        _save(path, tuple(_detach(g) for g in parts[:-1]) + (parts[-1],))
    return Lexicons(lg, *parts)


def _fingerprint(code: str) -> str:
    """A hash of everything a compiled lexicon depends on: the data files and the code that reads them."""
    h = hashlib.sha256()
    here = Path(__file__).resolve().parent
    data_dir = Path(languages.get(code).data_dir).resolve()
    h.update(str(data_dir).encode())
    roots = [Path(refdata.DATA), data_dir]
    files = sorted(p for root in roots for p in root.glob("*") if p.is_file() and p.suffix in (".tsv", ".txt", ".py"))
    files += [here / "lexicon.py", here / "gazetteer.py", here / "known.py", here.parent / "lang" / "base.py",
              here.parent / "text.py"]
    for p in files:
        h.update(p.name.encode())
        h.update(p.read_bytes())
    return h.hexdigest()[:20]


def _cache_path(code: str) -> Path | None:
    if os.environ.get("LEGATION_NO_CACHE"):
        return None
    base = os.environ.get("LEGATION_CACHE") or os.path.join(
        os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache"), "legation")
    return Path(base) / f"lexicons-{code}-{_fingerprint(code)}.pickle"


def _detach(g: Gazetteer) -> tuple[dict, int]:
    return (g.root, g.size)


def _attach(state: tuple[dict, int], lg: Language) -> Gazetteer:
    g = Gazetteer(lg)
    g.root, g.size = state
    return g


def _save(path: Path, parts) -> None:
    """Write atomically (a temporary file renamed), quietly giving up when the cache directory is not writable."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".lexicons-")
        with os.fdopen(fd, "wb") as fh:
            pickle.dump(parts, fh, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, path)
    except OSError:
        pass


def _entities(lg: Language) -> Gazetteer:
    g = Gazetteer(lg)
    code = lg.code
    for st in refdata.states().values():
        for name in st.names.get(code, ()):
            g.add_all(lg.forms(name, "name"), Entry("state", st.code, "name"), sensitive=True)
        for adj in st.adjectives.get(code, ()):
            g.add_all(lg.forms(adj, "adj"), Entry("state", st.code, "adj"))
        for people in st.people.get(code, ()):
            g.add_all(lg.forms(people, "people"), Entry("state", st.code, "people"))
        for prefix in st.prefixes.get(code, ()):
            g.add(prefix, Entry("state", st.code, "prefix"))
        for seat in st.seats.get(code, ()):
            g.add(seat, Entry("state", st.code, "seat"), sensitive=True)
    for org in refdata.organizations().values():
        for name in org.names.get(code, ()) + org.names.get("en", ()) * (code != "en"):
            if name.isascii() and code != "en" and not name.isupper() and org.kind != "company":
                continue   # English full names only help in English text; Latin acronyms and company names
                           # (Dassault Aviation, ExxonMobil) do appear elsewhere
            g.add(name, Entry("org", org.id, "name"), sensitive=True)
        for acr in set(org.acronyms.get(code, ()) + org.acronyms.get("en", ())):
            g.add(acr, Entry("org", org.id, "acronym"))
    capitals = {st.capital: st.code for st in sorted(refdata.states().values(), key=lambda s: s.status == "historical",
                                                      reverse=True) if st.capital}
    for place in refdata.places().values():
        sub = "capital" if place.id in capitals else place.kind
        for name in place.names.get(code, ()):
            g.add_all(lg.forms(name, "name"), Entry("place", place.id, sub, capitals.get(place.id) or place.state),
                      sensitive=True)
    for row in lg.rows("entities.tsv"):      # language-specific extras (e.g. ambiguous forms, local names)
        for phrase in _pipe(row["phrase"]):
            g.add(phrase, Entry(row["kind"], row["value"], row.get("sub", "")))
    return g


def _titles(lg: Language) -> Gazetteer:
    g = Gazetteer(lg)
    for row in lg.rows("titles.tsv"):
        for phrase in _pipe(row["phrase"]):
            g.add(phrase, Entry(row["kind"], row["value"], row.get("sub", "")))
    return g


def _cues(lg: Language) -> Gazetteer:
    """events.tsv: phrase, type (PLOVER code, or SAY / FUTURE / NEG / HEDGE / OCCUR / PAST), strength, context,
    flags; ``phrase`` may start with "V:" (inflect as a verb) or "N:" (as a noun)."""
    g = Gazetteer(lg)
    for row in lg.rows("events.tsv"):
        for phrase in _pipe(row["phrase"]):
            kind = "phrase"
            if phrase[:3] == "V!:":
                kind, phrase = "verb-inflected", phrase[3:]
            elif phrase[:2] in ("V:", "N:"):
                kind, phrase = ("verb" if phrase[0] == "V" else "noun"), phrase[2:]
            strength = row.get("strength") or "strong"
            flags = frozenset(_pipe(row.get("flags", "").replace(",", "|")))
            forms = lg.forms(phrase, kind)
            if kind == "verb-inflected":
                forms = [phrase] + forms     # the base form, a verb only after a modal or "to" ("will support")
            for form in forms:
                # "-ing" forms of verbs are as often nouns ("the fighting", "a meeting") as verbs: weak
                gerund = kind.startswith("verb") and form.split()[0].endswith("ing") and not phrase.split()[0].endswith("ing")
                base = kind == "verb-inflected" and form == phrase
                data = ("base" if base else "gerund" if gerund else strength, row.get("context") or "", flags)
                g.add(form, Entry("cue", row["type"], kind, data))
    return g


def _topics(lg: Language) -> Gazetteer:
    g = Gazetteer(lg)
    for row in lg.rows("topics.tsv"):
        for phrase in _pipe(row["phrase"]):
            kind = "phrase"
            if phrase[:2] in ("N:",):
                kind, phrase = "noun", phrase[2:]
            g.add_all(lg.forms(phrase, kind), Entry("topic", row["topic"], row.get("sub", "")))
    return g


def _dates(lg: Language) -> Gazetteer:
    g = Gazetteer(lg)
    for row in lg.rows("dates.tsv"):
        for phrase in _pipe(row["phrase"]):
            g.add(phrase, Entry("date", row["value"], row["kind"]))
    return g


def _orgwords(lg: Language) -> Gazetteer:
    g = Gazetteer(lg)
    for row in lg.rows("orgwords.tsv"):
        for phrase in _pipe(row["phrase"]):
            g.add_all(lg.forms(phrase, row.get("forms") or "phrase"), Entry("orgword", row["english"], row["kind"]))
    return g


def _names(lg: Language) -> dict[str, str]:
    return {lg.norm(r["native"]): r["latin"] for r in lg.rows("names.tsv")}
