"""RDF terms and text shared by the back-ends.

Every back-end hands out rdflib terms, normalised the same way so that one SELECT gives equal terms everywhere:

- ``xsd:string`` literals become plain literals (RDF 1.1 makes them the same; Virtuoso reports the
  datatype, Oxigraph does not);
- literals of the XSD types rdflib knows are built with rdflib's lexical normalisation, so Virtuoso's
  boolean ``"1"`` and Oxigraph's ``"true"`` compare equal, as do ``"01"`` and ``"1"`` for integers;
- language tags are lower-cased (Oxigraph lower-cases them when storing);
- blank-node labels are reduced to characters N-Triples allows (Virtuoso labels them ``nodeID://b10000``).

Text going in is N-Triples or N-Quads; it is parsed by pyoxigraph (fast, strict). Blank-node labels are local
to one text: two articles that both say ``_:b0`` get two different blank nodes.
"""
from __future__ import annotations

import gc
import re
from contextlib import contextmanager
from functools import lru_cache
from typing import IO, Callable, Iterator

import pyoxigraph as ox
from rdflib import BNode, Literal, URIRef
from rdflib.term import Identifier

from legation.errors import StoreError
from ontology import ID_BASE, ONTOLOGY_NS

XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"
RDF_LANGSTRING = "http://www.w3.org/1999/02/22-rdf-syntax-ns#langString"

FORMATS: dict[str, ox.RdfFormat] = {
    "nq": ox.RdfFormat.N_QUADS,
    "trig": ox.RdfFormat.TRIG,
    "nt": ox.RdfFormat.N_TRIPLES,
    "ttl": ox.RdfFormat.TURTLE,
    "jsonld": ox.RdfFormat.JSON_LD,
}
QUAD_FORMATS = ("nq", "trig")     # the others get the union of our graphs as one graph

PREFIXES = {
    "lg": ONTOLOGY_NS,
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "schema": "http://schema.org/",
    "prov": "http://www.w3.org/ns/prov#",
}

_BNODE_UNSAFE = re.compile(r"[^A-Za-z0-9_]")


def is_ours(graph: str) -> bool:
    """Whether a named graph belongs to legation (its IRI starts with ``ontology.ID_BASE``)."""
    return graph.startswith(ID_BASE)


def rdf_format(fmt: str) -> ox.RdfFormat:
    """The pyoxigraph format for a dump format name; StoreError for an unknown one."""
    try:
        return FORMATS[fmt]
    except KeyError:
        raise StoreError(f"unknown dump format {fmt!r}; use one of {', '.join(FORMATS)}") from None


@lru_cache(maxsize=65_536)
def literal(value: str, lang: str | None = None, datatype: str | None = None) -> Literal:
    """A normalised rdflib literal (see the module docstring). Cached: results repeat the same values (languages,
    types, dates, counts, names) over many rows, and building an rdflib Literal costs several microseconds
    (a 36k-row answer: 0.9 s of conversion, 0.25 s cached); literals are immutable."""
    if lang:
        return Literal(value, lang=lang.lower())
    if datatype and datatype not in (XSD_STRING, RDF_LANGSTRING):
        return Literal(value, datatype=URIRef(datatype))
    return Literal(value)


def bnode(label: str) -> BNode:
    """An rdflib blank node whose label N-Triples accepts."""
    return BNode(_BNODE_UNSAFE.sub("_", label))


def iri(value: str) -> URIRef:
    """An rdflib IRI for an IRI a store gave: the store has checked it, so rdflib's check of its characters (most
    of what building one costs) is skipped; the same URIRef otherwise."""
    return str.__new__(URIRef, value)


@contextmanager
def no_cycle_collection() -> Iterator[None]:
    """Python's cycle collector paused while an answer is turned into rows, then resumed if it was running.

    Building 50k rows of rdflib terms allocates hundreds of thousands of objects, and each few hundred start a
    collection that walks the rows made so far (none of them cyclic: reference counting frees them): 0.3 s of
    the 2.3 s that a 52k-row answer took at 10M triples."""
    running = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if running:
            gc.enable()


def converter() -> Callable[[object], Identifier | None]:
    """``from_oxigraph`` for the terms of one result, each distinct term converted once: the rows of an answer
    repeat the same values (languages, types, dates, counts, names), and a pyoxigraph term is hashed and compared
    in Rust, cheaper than reading its parts into Python."""
    memo: dict[object, Identifier] = {}

    def convert(term: object) -> Identifier | None:
        found = memo.get(term)
        if found is None and term is not None:
            found = memo[term] = from_oxigraph(term)
        return found
    return convert


def from_oxigraph(term: object) -> Identifier | None:
    """A pyoxigraph term (or None) as an rdflib term."""
    if term is None:
        return None
    if isinstance(term, ox.NamedNode):
        return iri(term.value)
    if isinstance(term, ox.Literal):
        return literal(term.value, term.language, term.datatype.value)
    if isinstance(term, ox.BlankNode):
        return bnode(term.value)
    raise StoreError(f"unsupported RDF term in a result: {term!r}")


def from_sparql_json(binding: dict | None) -> Identifier | None:
    """A term of SPARQL 1.1 JSON results (including Virtuoso's ``typed-literal``) as an rdflib term."""
    if binding is None:
        return None
    kind, value = binding.get("type"), binding.get("value", "")
    if kind == "uri":
        return URIRef(value)
    if kind in ("literal", "typed-literal"):
        return literal(value, binding.get("xml:lang") or binding.get("lang"), binding.get("datatype"))
    if kind == "bnode":
        return bnode(value)
    raise StoreError(f"unsupported RDF term in SPARQL results: {binding!r}")


def to_oxigraph(term: Identifier) -> ox.NamedNode | ox.BlankNode | ox.Literal:
    """An rdflib term as a pyoxigraph term."""
    if isinstance(term, URIRef):
        return ox.NamedNode(str(term))
    if isinstance(term, BNode):
        return ox.BlankNode(_BNODE_UNSAFE.sub("_", str(term)))
    if isinstance(term, Literal):
        if term.language:
            return ox.Literal(str(term), language=term.language)
        if term.datatype is not None:
            return ox.Literal(str(term), datatype=ox.NamedNode(str(term.datatype)))
        return ox.Literal(str(term))
    raise StoreError(f"unsupported RDF term: {term!r}")


def graph_node(graph: str) -> ox.NamedNode:
    """The graph IRI as a pyoxigraph node; StoreError when it is not a valid IRI."""
    try:
        return ox.NamedNode(graph)
    except (ValueError, TypeError) as e:
        raise StoreError(f"invalid graph IRI {graph!r}: {e}") from None


def parse_graph(text: str | bytes, graph: str) -> list[ox.Quad]:
    """Parse N-Triples/N-Quads text into quads of named graph ``graph``, with fresh blank nodes.

    A graph name in the text (N-Quads) is replaced by ``graph``. StoreError names the graph on bad syntax.
    """
    node = graph_node(graph)
    fresh: dict[str, ox.BlankNode] = {}

    def rename(term):
        if isinstance(term, ox.BlankNode):
            found = fresh.get(term.value)
            if found is None:
                found = fresh[term.value] = ox.BlankNode()
            return found
        return term

    try:
        return [ox.Quad(rename(q.subject), q.predicate, rename(q.object), node)
                for q in ox.parse(text, ox.RdfFormat.N_QUADS)]
    except SyntaxError as e:
        raise StoreError(f"graph <{graph}>: invalid N-Triples/N-Quads: {e}") from None


def to_ntriples(text: str | bytes, graph: str) -> bytes:
    """N-Triples text (UTF-8) for the triples in N-Triples/N-Quads ``text``, graph names dropped."""
    try:
        triples = [ox.Triple(q.subject, q.predicate, q.object) for q in ox.parse(text, ox.RdfFormat.N_QUADS)]
    except SyntaxError as e:
        raise StoreError(f"graph <{graph}>: invalid N-Triples/N-Quads: {e}") from None
    return ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES)


def our_graphs(store: ox.Store) -> list[str]:
    """The IRIs of a pyoxigraph store's named graphs that are ours (see ``is_ours``), sorted."""
    return sorted(g.value for g in store.named_graphs() if isinstance(g, ox.NamedNode) and is_ours(g.value))


def dump_store(store: ox.Store, out: IO[bytes], fmt: str) -> None:
    """Write our graphs of a pyoxigraph store to ``out``: quads for nq/trig, their union as one graph else."""
    target = rdf_format(fmt)
    prefixes = PREFIXES if fmt in ("trig", "ttl") else None
    if fmt in QUAD_FORMATS:
        ox.serialize(_quads_of(store, our_graphs(store)), out, target, prefixes=prefixes)
        return
    triples = store.query(
        f'CONSTRUCT {{ ?s ?p ?o }} WHERE {{ GRAPH ?g {{ ?s ?p ?o }} FILTER(STRSTARTS(STR(?g), "{ID_BASE}")) }}')
    ox.serialize(triples, out, target, prefixes=prefixes)


def _quads_of(store: ox.Store, graphs: list[str]) -> Iterator[ox.Quad]:
    for graph in graphs:
        yield from store.quads_for_pattern(None, None, None, ox.NamedNode(graph))
