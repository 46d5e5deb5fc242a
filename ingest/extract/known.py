"""Well-known office-holders (ontology/data/people.tsv) as a lookup for the extractor: a name found in a text,
in any script, resolves to the person's usual English spelling and state.

Lookups: the whole name as written (normalised the language's way), or the cross-script name key of its Latin
form — restricted to the state when the text gives one. By surname alone only with the post it is titled with
("President Putin", "Prime Minister Sharif"): the one person holding that post in that year.
"""
from __future__ import annotations

from functools import lru_cache

from ontology import refdata
from ontology.refdata import PersonInfo

from .. import lang as languages
from ..translit import name_key, skeleton
from .gazetteer import Entry, Gazetteer


@lru_cache(maxsize=None)
def _by_native(code: str) -> dict[str, tuple[PersonInfo, ...]]:
    lg = languages.get(code)
    out: dict[str, list[PersonInfo]] = {}
    for p in refdata.people().values():
        for name in p.names.get(code, ()) + (p.names.get("en", ()) if code != "en" else ()):
            out.setdefault(_norm(lg, name), []).append(p)
    return {k: _unique(v) for k, v in out.items()}


@lru_cache(maxsize=None)
def _by_key() -> dict[str, tuple[PersonInfo, ...]]:
    out: dict[str, list[PersonInfo]] = {}
    for p in refdata.people().values():
        for name in p.names.get("en", ()):
            k = name_key(name)
            if k and "." in k:
                out.setdefault(k, []).append(p)
    return {k: _unique(v) for k, v in out.items()}


def _norm(lg, name: str) -> str:
    return " ".join(lg.norm(w) for w in name.replace("-", " ").split())


def lookup(code: str, native: str, latin: str, state: str | None) -> PersonInfo | None:
    """The known person with this name (and state, when given), if exactly one fits."""
    lg = languages.get(code)
    cands = _by_native(code).get(_norm(lg, native), ())
    words = native.split()
    for n in range(len(words) - 1, 1, -1):       # "محمد بن سلمان بن عبدالعزيز" is محمد بن سلمان
        if cands:
            break
        cands = _by_native(code).get(_norm(lg, " ".join(words[:n])), ())
    if not cands:
        key = name_key(latin)
        cands = _by_key().get(key, ()) if "." in key else ()
        # the key keeps only the first name's first sound: the whole first names must sound alike too
        # (أحمد موسى is not Heiko Maas)
        first = skeleton(latin.split()[0]) if latin.split() else ""
        cands = tuple(p for p in cands if _alike(first, skeleton(p.label("en").split()[0])))
    if state:
        cands = tuple(p for p in cands if p.state == state or (p.state is None and p.org))
    cands = _unique(cands)
    return cands[0] if len(cands) == 1 else None


def by_surname(latin: str, role: str, year: int, state: str | None) -> PersonInfo | None:
    """The one well-known holder of ``role`` in ``year`` (in ``state`` when given) whose name ends with this
    surname; None when none or several fit."""
    key = name_key(latin)
    if len(key) < 3 or "." in key:
        return None             # a short skeleton ("l" of Lula, Yeol) tells too little
    cands = tuple(p for p in _by_surname().get(key, ()) if (state is None or p.state == state)
                  and any(post.role == role and post.org is None and post.covers(year) for post in p.posts))
    return cands[0] if len(cands) == 1 else None


@lru_cache(maxsize=None)
def _by_surname() -> dict[str, tuple[PersonInfo, ...]]:
    out: dict[str, list[PersonInfo]] = {}
    for p in refdata.people().values():
        for name in p.names.get("en", ()):
            k = name_key(name)
            if k and "." in k:
                out.setdefault(k.split(".")[-1], []).append(p)
    return {k: _unique(v) for k, v in out.items()}


def _unique(people) -> tuple[PersonInfo, ...]:
    seen: dict[str, PersonInfo] = {}
    for p in people:
        seen.setdefault(p.id, p)
    return tuple(seen.values())


def gazetteer(code: str) -> Gazetteer:
    """The full names of well-known office-holders as written in a language (compiled with the lexicons)."""
    from .lexicon import get
    return get(code).people


def compile_gazetteer(lg) -> Gazetteer:
    """The full names of well-known office-holders as written in a language (and, outside English, their Latin
    spelling too), for finding them where no title stands next to the name."""
    code = lg.code
    g = Gazetteer(lg)
    for p in refdata.people().values():
        names = list(p.names.get(code, ()))
        if code != "en":
            names += list(p.names.get("en", ()))
        for name in names:
            if len(name.split()) >= 2:
                g.add(name, Entry("person", p.id), sensitive=True)
    return g


def post_at(person: PersonInfo, year: int | None) -> tuple | None:
    """The post a person held in ``year`` (the highest one if several), else the nearest before, else the first."""
    if not person.posts:
        return None
    if year is None:
        return person.posts[-1]
    held = person.posts_in(year)
    if held:
        order = {r: int(c.extra.get("rank") or 50) for r, c in refdata.roles().items()}
        return min(held, key=lambda p: order.get(p.role, 50))
    before = [p for p in person.posts if p.from_year <= year]
    return before[-1] if before else person.posts[0]


def _alike(a: str, b: str) -> bool:
    """Two first-name skeletons that could be one name (one a prefix of the other, or equal but for one letter)."""
    if not a or not b:
        return True
    if a.startswith(b) or b.startswith(a):
        return True
    return len(a) == len(b) and sum(x != y for x, y in zip(a, b)) <= 1
