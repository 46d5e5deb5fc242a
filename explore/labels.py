"""Names to show for the nodes of the graph, in the reader's language (en, ar or ru).

Labels come from the store (``skos:prefLabel`` first, then ``rdfs:label``) and, where the store has none, from the
reference tables of ``ontology/data`` (states, organisations, places, topics, PLOVER types); the last resort is the
IRI's own key made readable. Order of preference for a reader of language ``L``:

1. a label tagged ``L`` (a native spelling: ``@ar``, ``@ru``; ``@en`` for English),
2. English (``@en``),
3. a transliteration made for ``L``'s readers (``@ar-Latn`` for Arabic names, ``@ru-Latn`` for Russian ones),
   then any other Latin transliteration,
4. anything else.

Within one tag a ``skos:prefLabel`` wins over an ``rdfs:label``; among several labels of the same rank the
shortest (then the first in alphabetical order) is taken, so that the result does not depend on the store.
"""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from urllib.parse import unquote

from ontology import ID_BASE, refdata

LANGS = ("en", "ar", "ru")

PREF, LABEL = 0, 1          # ranks of skos:prefLabel and rdfs:label


def kind_of(iri: str) -> str:
    """The kind of an instance IRI from its path: ``state``, ``person``, ``org``, ``place``, ``topic``, ``plover``,
    ``event`` … (the first path segment under ``ID_BASE``); ``""`` for an IRI outside it."""
    if not iri.startswith(ID_BASE):
        return ""
    return iri[len(ID_BASE):].split("/", 1)[0]


def key_of(iri: str) -> str:
    """The key after the kind: ``RU`` for ``id/state/RU``, ``CONSULT`` for ``id/plover/CONSULT``."""
    tail = iri[len(ID_BASE):] if iri.startswith(ID_BASE) else iri.rstrip("/#").rsplit("/", 1)[-1]
    return unquote(tail.split("/", 1)[-1])


def state_code(iri: str) -> str | None:
    """``RU`` for the IRI of a state, else None."""
    return key_of(iri) if kind_of(iri) == "state" else None


_TABLES = {"state": refdata.states, "org": refdata.organizations, "place": refdata.places,
           "topic": refdata.topics, "plover": refdata.plover_types, "context": refdata.contexts,
           "role": refdata.roles, "portfolio": refdata.portfolios}


def reference_label(iri: str, lang: str, strict: bool = False) -> str | None:
    """The name the reference tables give ``iri`` in ``lang`` (English when they have none in ``lang``, unless
    ``strict``); None for an IRI they do not know."""
    table = _TABLES.get(kind_of(iri))
    entry = table().get(key_of(iri)) if table else None
    if entry is None:
        return None
    names = getattr(entry, "names", None) or getattr(entry, "labels", None) or {}
    if names.get(lang):
        return names[lang][0]
    if strict:
        return None
    return names["en"][0] if names.get("en") else None


def readable_key(iri: str) -> str:
    """The IRI's key made readable: ``rawalpindi`` → ``Rawalpindi``, ``RU-l.fmn`` stays as it is."""
    key = key_of(iri)
    if kind_of(iri) in ("place", "org", "topic") and key.islower():
        words = key.replace("_", "-").split("-")
        text = " ".join(w for w in words if w)
        return text[:1].upper() + text[1:]
    return key


def _tag_rank(tag: str, lang: str) -> int:
    tag = tag.lower()
    if tag == lang:
        return 0
    if tag == "en" or tag.startswith("en-"):
        return 1
    if tag == f"{lang}-latn":
        return 2
    if tag.endswith("-latn"):
        return 3
    if not tag:
        return 4
    return 5


@dataclass
class Labels:
    """The labels of many nodes: ``add`` them as read from the store, ``get`` the one to show."""

    _by_iri: dict[str, set[tuple[int, str, str]]] = field(default_factory=lambda: defaultdict(set))

    def add(self, iri: str, text: str, tag: str = "", rank: int = LABEL) -> None:
        """Record a label of ``iri``: its text, language tag and rank (``PREF`` or ``LABEL``)."""
        text = " ".join(str(text).split())
        if text:
            self._by_iri[str(iri)].add((rank, (tag or "").lower(), text))

    def __contains__(self, iri: str) -> bool:
        return str(iri) in self._by_iri

    def get(self, iri: str, lang: str = "en") -> str:
        """The label to show for ``iri`` to a reader of ``lang`` (see the module docstring)."""
        iri = str(iri)
        found = self._by_iri.get(iri)
        if found:
            best = min(found, key=lambda item: (_tag_rank(item[1], lang), item[0], len(item[2]), item[2]))
            if _tag_rank(best[1], lang) > 0 and lang != "en":
                # the reference tables may know a native name the store lacks
                native = reference_label(iri, lang, strict=True)
                if native:
                    return native
            return best[2]
        return reference_label(iri, lang) or readable_key(iri)

    def all(self, iri: str) -> list[tuple[str, str]]:
        """Every (language tag, text) of ``iri``, preferred labels first, without repeats."""
        seen: dict[tuple[str, str], int] = {}
        for rank, tag, text in sorted(self._by_iri.get(str(iri), ())):
            seen.setdefault((tag, text), rank)
        return list(seen)
