"""The hand-written graph of the query tests (fixture.trig) and how answers are compared across back-ends."""
from __future__ import annotations

from collections import defaultdict
from functools import lru_cache
from pathlib import Path

import pyoxigraph as ox
import pytest
from rdflib import BNode, Literal, URIRef
from rdflib.namespace import XSD

FIXTURE = Path(__file__).resolve().with_name("fixture.trig")
BACKENDS = ["embedded", "oxigraph-server", "virtuoso"]

# Columns that hold "; "-separated lists, whose order no server guarantees (GROUP_CONCAT).
LIST_COLUMNS = {"place", "people", "topics", "partners", "context", "languages", "states", "with", "spellings"}


@lru_cache(maxsize=1)
def fixture_graphs() -> dict[str, str]:
    """Named graph IRI → its triples as N-Triples text."""
    by_graph: dict[str, list[ox.Triple]] = defaultdict(list)
    for quad in ox.parse(FIXTURE.read_bytes(), format=ox.RdfFormat.TRIG):
        assert isinstance(quad.graph_name, ox.NamedNode), f"triple outside a named graph: {quad}"
        by_graph[quad.graph_name.value].append(ox.Triple(quad.subject, quad.predicate, quad.object))
    return {g: ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES).decode("utf-8") for g, triples in by_graph.items()}


DERIVED = "https://w3id.org/legation/id/graph/derived"


def article_graphs() -> dict[str, str]:
    """The fixture's graphs but the derived one (which ``load_fixture`` computes, as an ingest does)."""
    return {g: text for g, text in fixture_graphs().items() if g != DERIVED}


@lru_cache(maxsize=1)
def fixture_size() -> int:
    """The triples of a store holding the fixture, derived graph included."""
    from graph_store import StoreConfig, open_store
    store = open_store(StoreConfig(path=None))
    load_fixture(store)
    n = store.count_triples()
    store.close()
    return n


def load_fixture(store) -> None:
    """Put every article and reference graph of the fixture into ``store`` (replacing graphs of the same names),
    then compute its derived graph from them, as an ingest does (the fixture's own derived graph, written by
    hand, is what tests/queries/test_derived.py expects of the tenures)."""
    from legation.ingesting import refresh_derived
    store.put_graphs(article_graphs())
    refresh_derived(store, full=True)


def cell(term, column: str | None = None) -> str | None:
    """A result term as the tests' expectations write it: its lexical form (integers without sign or zeros),
    lists sorted; None when unbound."""
    if term is None:
        return None
    text = str(term)
    if isinstance(term, Literal) and term.datatype in (XSD.integer, XSD.int, XSD.long):
        text = str(int(text))
    if column in LIST_COLUMNS and text:
        text = "; ".join(sorted(text.split("; ")))
    return text


def rows(result) -> list[tuple]:
    """A SelectResult as tuples of ``cell`` values."""
    return [tuple(cell(t, v) for v, t in zip(result.vars, row)) for row in result.rows]


def typed(term, column: str | None = None):
    """A result term with its kind, datatype and language (tag case folded): what must be the same on every
    back-end once the sparql back-end has normalised Virtuoso's JSON (typed-literal, xsd:string)."""
    if term is None:
        return None
    if isinstance(term, URIRef):
        return ("uri", str(term))
    if isinstance(term, BNode):
        return ("bnode",)
    datatype = None if term.datatype in (None, XSD.string) or term.language else str(term.datatype)
    return ("literal", cell(term, column), (term.language or "").lower() or None, datatype)


def typed_rows(result) -> list[tuple]:
    return [tuple(typed(t, v) for v, t in zip(result.vars, row)) for row in result.rows]


def backend_params():
    """The back-ends as pytest params, the servers marked ``server``."""
    return [pytest.param(kind, marks=[pytest.mark.server] if kind != "embedded" else [], id=kind)
            for kind in BACKENDS]
