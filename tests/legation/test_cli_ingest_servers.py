"""`legation ingest --endpoint URL`: the team's samples ingested into an Oxigraph server and into Virtuoso 7 give
the facts an ingest into the embedded store gives (article graphs and derived graph); ingesting them again
changes nothing; and the named queries answer the same on the three stores."""
from __future__ import annotations

import csv
import io

import pytest

import queries as lib
from graph_store import StoreConfig, open_store
from ontology import ID_BASE
from ontology.iris import REFERENCE_GRAPH
from servers import server_store

from user_cli import SAMPLES, rel

pytestmark = pytest.mark.server

KINDS = ("embedded", "oxigraph-server", "virtuoso")
# The reference graph is left out: it is loaded, not resolved, and Oxigraph stores its xsd:positiveInteger ranks
# as xsd:integer where Virtuoso keeps the datatype.
FACTS = f"""SELECT ?g ?s ?p ?o WHERE {{ GRAPH ?g {{ ?s ?p ?o }}
  FILTER(STRSTARTS(STR(?g), "{ID_BASE}graph/") && ?g != <{REFERENCE_GRAPH}>) }}"""


def facts(store) -> set[tuple[str, ...]]:
    return {tuple(t.n3() for t in row) for row in store.select(FACTS).rows}


@pytest.fixture(scope="module")
def stores(cli, tmp_path_factory, oxigraph_server, virtuoso_server):
    """kind → (the CLI options that name the store, what the first ingest printed), the samples ingested once."""
    where = {"embedded": ("--store", str(tmp_path_factory.mktemp("embedded") / "store")),
             "oxigraph-server": ("--endpoint", oxigraph_server), "virtuoso": ("--endpoint", virtuoso_server)}
    out = {}
    for kind, option in where.items():
        if kind != "embedded":
            server = server_store(option[1])
            server.clear()
            server.close()
        out[kind] = (option, cli("ingest", rel(SAMPLES), *option, "--quiet").ok())
    return out


def open_kind(stores, kind: str):
    option, value = stores[kind][0]
    return open_store(StoreConfig(path=value)) if option == "--store" else server_store(value)


def read_facts(stores, kind: str) -> set[tuple[str, ...]]:
    store = open_kind(stores, kind)
    try:
        return facts(store)
    finally:
        store.close()


def test_the_same_facts_on_every_store(stores):
    embedded = read_facts(stores, "embedded")
    assert len({g for g, *_ in embedded}) > 20 and any("/graph/derived" in g for g, *_ in embedded)
    for kind in ("oxigraph-server", "virtuoso"):
        got = read_facts(stores, kind)
        assert got == embedded, (f"{kind}: {len(got - embedded)} facts more, {len(embedded - got)} fewer, e.g. "
                                 f"{sorted(got ^ embedded)[:3]}")
    printed = {kind: stores[kind][1].err + stores[kind][1].out for kind in KINDS}
    assert all(" 0 unchanged, 0 failed" in text for text in printed.values()), printed


def test_ingesting_again_into_virtuoso_changes_nothing(stores, cli):
    before = read_facts(stores, "virtuoso")
    again = cli("ingest", rel(SAMPLES), *stores["virtuoso"][0], "--quiet").ok()
    assert "0 articles added" in again.err + again.out and " 0 failed" in again.err + again.out, again
    assert read_facts(stores, "virtuoso") == before


def _run(store, q) -> list[tuple[str | None, ...]]:
    """The answer to ``q`` with its example parameters, each cell as text; the items of a "; "-separated list
    (GROUP_CONCAT, whose order no server guarantees) sorted."""
    values = {p.name: p.example for p in q.params if p.example is not None}
    result = store.select(lib.bind(q, values))
    return [tuple(None if t is None else "; ".join(sorted(str(t).split("; "))) for t in row) for row in result.rows]


def test_named_queries_answer_the_same_on_every_store(stores):
    opened = {kind: open_kind(stores, kind) for kind in KINDS}
    try:
        answered = 0
        for name, q in sorted(lib.library().items()):
            expected = _run(opened["embedded"], q)
            answered += bool(expected)
            for kind in ("oxigraph-server", "virtuoso"):
                got = _run(opened[kind], q)
                # on Virtuoso, non-ASCII sort keys may collate differently: compare those answers as multisets
                if kind == "virtuoso" and not all(c is None or c.isascii() for row in expected for c in row):
                    got, want = sorted(got, key=repr), sorted(expected, key=repr)
                else:
                    want = expected
                assert got == want, f"{name} on {kind}"
        assert answered >= len(lib.library()) // 2, "too few named queries have answers on the samples"
    finally:
        for store in opened.values():
            store.close()


def test_legation_query_on_the_virtuoso_store(stores, cli):
    """The command a user runs, on the store the ingest into Virtuoso wrote: the same table as on the embedded
    store."""
    args = ("query", "meetings-between", "--param", "a=RU", "--param", "b=PK", "--format", "csv")
    embedded, virtuoso = (_table(cli(*args, *stores[kind][0]).ok().out) for kind in ("embedded", "virtuoso"))
    assert len(embedded) > 2 and embedded[0][:2] == ["event", "date"]
    assert virtuoso == embedded


def _table(text: str) -> list[list[str]]:
    """CSV rows, the items of "; "-separated lists sorted."""
    return [["; ".join(sorted(c.split("; "))) for c in row] for row in csv.reader(io.StringIO(text))]
