"""The baseline store: an rdflib ``Dataset`` on the ``Memory`` store, behind the same interface as
``graph_store`` (the part ingest and the named queries use), so that the same pipeline can write to it.

Only for benchmarks: it keeps everything in memory and answers SPARQL with rdflib's pure-Python engine.
"""
from __future__ import annotations

from typing import IO

import rdflib
from rdflib import Dataset, URIRef

from graph_store.base import SelectResult
from graph_store.terms import literal


def _norm(term):
    if isinstance(term, rdflib.Literal):
        return literal(str(term), term.language, str(term.datatype) if term.datatype else None)
    return term


class RdflibMemoryStore:
    name = "rdflib:Memory"
    location = "rdflib Memory store"

    def __init__(self) -> None:
        self.ds = Dataset(store="Memory", default_union=True)

    def _parse(self, graph: str, text: str) -> rdflib.Graph:
        g = self.ds.graph(URIRef(graph))
        if "\n" in text and text.split("\n", 1)[0].count(" <") >= 3:      # N-Quads: drop the graph term
            tmp = Dataset()
            tmp.parse(data=text, format="nquads")
            for s, p, o, _ in tmp.quads((None, None, None, None)):
                g.add((s, p, o))
        else:
            g.parse(data=text, format="nt")
        return g

    def put_graph(self, graph: str, nquads: str) -> None:
        self.ds.remove_graph(URIRef(graph))
        self._parse(graph, nquads)

    def put_graphs(self, graphs: dict[str, str], validated: bool = False, threads: int | None = None) -> None:
        for graph, text in graphs.items():
            self.put_graph(graph, text)

    def has_graph(self, graph: str) -> bool:
        return next(iter(self.ds.graph(URIRef(graph)).triples((None, None, None))), None) is not None

    def remove_graph(self, graph: str) -> None:
        self.ds.remove_graph(URIRef(graph))

    def graphs(self) -> list[str]:
        return sorted(str(g.identifier) for g in self.ds.graphs() if len(g))

    def select(self, query: str) -> SelectResult:
        result = self.ds.query(query)
        names = [str(v) for v in result.vars]
        return SelectResult(names, [tuple(_norm(t) for t in row) for row in result])

    def ask(self, query: str) -> bool:
        return bool(self.ds.query(query).askAnswer)

    def construct(self, query: str) -> rdflib.Graph:
        return self.ds.query(query).graph

    def update(self, update: str) -> None:
        self.ds.update(update)

    def count_triples(self) -> int:
        return len(self.ds)

    def dump(self, out: IO[bytes], fmt: str) -> None:
        out.write(self.ds.serialize(format="nquads").encode("utf-8"))

    def close(self) -> None:
        pass
