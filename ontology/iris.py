"""IRIs of legation's instances: states, people, organisations, events, articles, mentions, concepts, graphs.

Every IRI lies under ``ID_BASE`` (``https://w3id.org/legation/id/``). Keys are normalised to Unicode NFC and
percent-encoded (UTF-8) outside the unreserved ASCII characters ``A-Z a-z 0-9 - . _ ~``, so that a key in any
script, or with spaces or slashes, gives one stable IRI that every SPARQL back-end accepts.
"""
from __future__ import annotations

import unicodedata
from functools import lru_cache
from urllib.parse import quote

from rdflib import URIRef

from . import ID_BASE

SCHEMES = ("plover", "context", "role", "portfolio", "topic")
"""Names of our SKOS schemes; a concept's IRI is ``ID_BASE + <scheme> + "/" + <id>``."""

SCHEME_BASE = "https://w3id.org/legation/ontology/scheme/"

REFERENCE_GRAPH = URIRef(ID_BASE + "graph/reference")
"""The named graph that holds the ontology, the SKOS schemes and the reference data in a store."""

_ARTICLE_GRAPH_BASE = ID_BASE + "graph/article/"


@lru_cache(maxsize=100_000)
def _key(key: object) -> str:
    text = unicodedata.normalize("NFC", str(key)).strip()
    if not text:
        raise ValueError("an IRI key must not be empty")
    return quote(text, safe="-._~")


def _iri(kind: str, key: object) -> URIRef:
    return URIRef(f"{ID_BASE}{kind}/{_key(key)}")


def state_iri(code: str) -> URIRef:
    """``id/state/RU`` for an ISO 3166-1 alpha-2 code (upper-cased)."""
    return _iri("state", str(code).strip().upper())


def person_iri(key: str) -> URIRef:
    return _iri("person", key)


def org_iri(org_id: str) -> URIRef:
    return _iri("org", org_id)


def place_iri(place_id: str) -> URIRef:
    return _iri("place", place_id)


def event_iri(key: str) -> URIRef:
    return _iri("event", key)


def post_iri(key: str) -> URIRef:
    return _iri("post", key)


def membership_iri(key: str) -> URIRef:
    return _iri("membership", key)


def statement_iri(key: str) -> URIRef:
    return _iri("statement", key)


def article_iri(article_id: str) -> URIRef:
    return _iri("article", article_id)


def graph_iri(article_id: str) -> URIRef:
    """The named graph that holds the facts drawn from one article."""
    return URIRef(_ARTICLE_GRAPH_BASE + _key(article_id))


def is_article_graph(iri: object) -> bool:
    """True for the IRI of an article's named graph (as made by ``graph_iri``)."""
    text = str(iri)
    return text.startswith(_ARTICLE_GRAPH_BASE) and len(text) > len(_ARTICLE_GRAPH_BASE)


def mention_iri(article_id: str, start: int, end: int) -> URIRef:
    """A span of an article's text, NIF style: ``id/article/<id>#char=<start>,<end>`` (offsets in code points)."""
    start, end = int(start), int(end)
    if start < 0 or end < start:
        raise ValueError(f"bad character span {start},{end}")
    return URIRef(f"{article_iri(article_id)}#char={start},{end}")


def scheme_iri(scheme: str) -> URIRef:
    """The skos:ConceptScheme of one of ``SCHEMES``."""
    _check_scheme(scheme)
    return URIRef(SCHEME_BASE + scheme)


def concept_iri(scheme: str, concept_id: str) -> URIRef:
    """``id/plover/CONSULT``, ``id/topic/regional-stability``, ``id/role/deputy-minister`` ..."""
    _check_scheme(scheme)
    return _iri(scheme, concept_id)


def _check_scheme(scheme: str) -> None:
    if scheme not in SCHEMES:
        raise ValueError(f"unknown concept scheme {scheme!r}; known: {', '.join(SCHEMES)}")
