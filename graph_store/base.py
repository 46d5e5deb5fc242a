"""The interface every store back-end implements.

Terms crossing this interface are rdflib terms (``URIRef``, ``Literal``, ``BNode``), whatever the back-end
speaks underneath. Named graphs are the unit of writing: one per article, replaced atomically.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import IO, TYPE_CHECKING, Iterator, Protocol

from rdflib.term import Identifier

if TYPE_CHECKING:
    import rdflib


@dataclass
class SelectResult:
    """A SPARQL SELECT answer: variable names and rows of rdflib terms (None where unbound)."""

    vars: list[str]
    rows: list[tuple[Identifier | None, ...]] = field(default_factory=list)

    def dicts(self) -> Iterator[dict[str, Identifier | None]]:
        for row in self.rows:
            yield dict(zip(self.vars, row))


class Store(Protocol):
    """What ingest, queries and explore need from a store."""

    name: str

    def put_graph(self, graph: str, nquads: str) -> None:
        """Replace named graph ``graph`` with the triples given as N-Quads/N-Triples text, atomically:
        afterwards the graph holds exactly these triples, or (on error) exactly what it held before."""

    def put_graphs(self, graphs: dict[str, str], validated: bool = False, threads: int | None = None) -> None:
        """Replace several named graphs; each one atomically (bulk path for large ingests). ``validated``: the
        texts are N-Triples from ``ingest.to_rdf`` (IRIs and language tags already checked): a back-end may
        skip checking them again. ``threads``: at most this many loads at once (default: the store's own
        setting), for a back-end that loads in parallel."""

    def has_graph(self, graph: str) -> bool: ...

    def remove_graph(self, graph: str) -> None: ...

    def graphs(self) -> list[str]: ...

    def select(self, query: str) -> SelectResult:
        """Run a SELECT query; the default graph is the union of all named graphs."""

    def ask(self, query: str) -> bool: ...

    def construct(self, query: str) -> "rdflib.Graph": ...

    def update(self, update: str) -> None: ...

    def dump(self, out: IO[bytes], fmt: str) -> None:
        """Write the whole store to ``out``: fmt one of "nq", "trig", "ttl", "nt", "jsonld"."""

    def count_triples(self) -> int: ...

    def clear(self) -> None:
        """Remove every graph of ours (IRI under ``ontology.ID_BASE``); a server's other graphs stay."""

    def close(self) -> None: ...
