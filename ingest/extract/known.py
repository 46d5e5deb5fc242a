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


def by_surname(latin: str, role: str, year: int | None, state: str | None, code: str = "en",
               native: str = "") -> PersonInfo | None:
    """The one well-known holder of ``role`` in ``year`` (at any time when the year is unknown; in ``state`` when
    given) whose name ends with this surname — its Latin form's sound, or ``native`` as the table writes the
    surname in language ``code`` (ترامب, Трамп); None when none or several fit."""
    key = name_key(latin)
    found: tuple[PersonInfo, ...] = ()
    if len(key) >= 3 and "." not in key:       # a short skeleton ("l" of Lula, Yeol) tells too little
        found = _by_surname().get(key, ())
    if native and code != "en":
        found += _by_native_surname(code).get(_norm(languages.get(code), native), ())
    cands = _unique(p for p in found if (state is None or p.state == state)
                    and any(post.role == role and post.org is None and (year is None or post.covers(year))
                            for post in p.posts))
    return cands[0] if len(cands) == 1 else None


def by_bare_surname(code: str, keys: tuple[str, ...], states: set[str], year: int | None) -> PersonInfo | None:
    """The one person of the table whose surname (as language ``code`` writes it) is among a token's ``keys``, of
    one of ``states``, leading it or one of its ministries in ``year`` (at some time when the year is unknown)."""
    table = _by_native_surname(code)
    if table.keys().isdisjoint(keys):
        return None                   # most words are nobody's surname
    found = _unique(p for k in keys for p in table.get(k, ()))
    cands = [p for p in found if p.state in states
             and any(post.org is None and post.role in LEADING_ROLES and (year is None or post.covers(year))
                     for post in p.posts)]
    return cands[0] if len(cands) == 1 else None


def surnames(code: str):
    """The surnames ``by_bare_surname`` knows in language ``code``, normalised (a set-like view): a token none of
    whose keys is among them names nobody of the table."""
    return _by_native_surname(code).keys()


# Posts whose holders the news names by surname alone: heads of state and government, and ministers
LEADING_ROLES = frozenset({"president", "vice-president", "prime-minister", "head-of-government", "leader", "king",
                           "emir", "sultan", "crown-prince", "minister"})


# States where the family name comes first and stands alone for the person ("Kim Jong Un" is "Kim")
FAMILY_NAME_FIRST = frozenset({"CN", "KP", "KR", "TW", "VN", "KH", "MN"})


@lru_cache(maxsize=None)
def _by_native_surname(code: str) -> dict[str, tuple[PersonInfo, ...]]:
    """The surname of each name the table gives in language ``code`` (its last word; its first in states that
    put the family name first), normalised: people of that surname."""
    lg = languages.get(code)
    out: dict[str, list[PersonInfo]] = {}
    for p in refdata.people().values():
        for name in p.names.get(code, ()):
            words = name.split()          # a hyphenated surname stays whole: Jean-Pierre is not Pierre
            surname = words[0] if p.state in FAMILY_NAME_FIRST else words[-1] if words else ""
            if len(words) >= 2 and len(surname) >= 3:
                out.setdefault(lg.norm(surname), []).append(p)
    return {k: _unique(v) for k, v in out.items()}


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
        order = _role_order()
        return min(held, key=lambda p: order.get(p.role, 50))
    before = [p for p in person.posts if p.from_year <= year]
    return before[-1] if before else person.posts[0]


@lru_cache(maxsize=1)
def _role_order() -> dict[str, int]:
    """roles.tsv: each role's rank (50 when not given), read once instead of at every look-up of a post."""
    return {r: int(c.extra.get("rank") or 50) for r, c in refdata.roles().items()}


def _alike(a: str, b: str) -> bool:
    """Two first-name skeletons that could be one name (one a prefix of the other, or equal but for one letter)."""
    if not a or not b:
        return True
    if a.startswith(b) or b.startswith(a):
        return True
    return len(a) == len(b) and sum(x != y for x, y in zip(a, b)) <= 1
