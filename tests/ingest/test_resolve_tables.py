"""Identity resolution looks people and events up in tables (and posts' holders in a small index) on the bulk path,
by SPARQL queries on the store otherwise: both must give the same graph — whether the articles are written in
batches (in the background) or not, in one run or in two."""
from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
import pytest

import graph_store.oxigraph_store as oxigraph_store
from graph_store import StoreConfig
from graph_store.oxigraph_store import OxigraphStore
from legation import ingesting
from ontology.iris import REFERENCE_GRAPH

FIX = Path(__file__).parent / "fixtures" / "identity"
ORDER = ["en.txt", "ar.txt", "ru.txt", "later-en.txt", "namesake-en.txt", "round-2021-en.txt", "round-2023-en.txt",
         "unnamed-en.txt"]


def _quads(store) -> set:
    ref = ox.NamedNode(str(REFERENCE_GRAPH))
    return {q for q in store.store.quads_for_pattern(None, None, None, None) if q.graph_name != ref}


def _run(store, names, **kw):
    report = None
    for name in names:                              # one file at a time: the order is the resolution order
        report = ingesting.ingest(store, [str(FIX / name)], **kw)
        assert report.ok, report.failed
    return store


@pytest.fixture(scope="module")
def by_queries():
    return _quads(_run(OxigraphStore(), ORDER, bulk_after=10**9))


def test_tables_give_what_queries_give(by_queries):
    assert _quads(_run(OxigraphStore(), ORDER, bulk_after=0)) == by_queries


def test_one_run_on_the_bulk_path_gives_what_queries_give(by_queries, tmp_path, monkeypatch):
    monkeypatch.setattr(oxigraph_store, "BULK_MIN_TRIPLES", 1)     # through bulk_load and its journal
    monkeypatch.setattr(ingesting, "BATCH_ARTICLES", 2)            # several batches, written in the background
    store = OxigraphStore(StoreConfig(path=str(tmp_path / "kg")))
    files = [tmp_path / "in" / f"{n:02d}-{name}" for n, name in enumerate(ORDER)]
    files[0].parent.mkdir()
    for f, name in zip(files, ORDER):
        f.write_bytes((FIX / name).read_bytes())
    report = ingesting.ingest(store, [str(files[0].parent)], bulk_after=0)
    assert report.ok and report.added == len(ORDER)
    assert "write (wait)" in report.stages
    assert _quads(store) == by_queries
    store.close()


def test_a_second_run_reads_the_tables_from_the_store(by_queries, tmp_path):
    store = OxigraphStore(StoreConfig(path=str(tmp_path / "kg")))
    _run(store, ORDER[:4], bulk_after=10**9)
    _run(store, ORDER[4:], bulk_after=0)
    assert _quads(store) == by_queries
    store.close()
