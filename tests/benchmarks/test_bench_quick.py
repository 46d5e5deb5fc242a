"""Benchmarks in quick mode, and the promises the fast ingest paths keep: the bulk path and the parallel and Dask
extractions write exactly what the plain path writes."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pyoxigraph as ox
import pytest

from benchmarks import generate
from graph_store import StoreConfig
from graph_store.oxigraph_store import OxigraphStore
from legation import ingesting
from ontology.iris import REFERENCE_GRAPH

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("corpus")
    generate.write(24, out, seed=7)
    return out


def _quads(store) -> set:
    ref = ox.NamedNode(str(REFERENCE_GRAPH))
    return {q for q in store.store.quads_for_pattern(None, None, None, None) if q.graph_name != ref}


def test_generator_is_deterministic_and_prefix_stable():
    a = list(generate.articles(30, seed=3))
    assert a == list(generate.articles(30, seed=3))
    assert a[:10] == list(generate.articles(10, seed=3))
    assert {x["lang"] for x in a} == {"ar", "ru", "en"}
    sizes = [len(x["text"].encode()) for x in a]
    assert 2000 < sum(sizes) / len(sizes) < 4000


def test_generator_writes_both_formats(tmp_path):
    stats = generate.write(12, tmp_path / "txt", seed=2)
    assert stats["articles"] == 12 and len(list((tmp_path / "txt").glob("*.txt"))) == 12
    generate.write(12, tmp_path / "jl", seed=2, fmt="jsonl", shards=3)
    lines = [json.loads(x) for f in sorted((tmp_path / "jl").glob("*.jsonl")) for x in f.read_text().splitlines()]
    assert len(lines) == 12 and all(x["text"] and x["lang"] in ("ar", "ru", "en") for x in lines)


def _ingest(path: Path, corpus: Path, **kw):
    store = OxigraphStore(StoreConfig(path=str(path)) if path else None)
    report = ingesting.ingest(store, [str(corpus)], **kw)
    return store, report


def test_bulk_path_and_processes_write_what_the_plain_path_writes(corpus, tmp_path, monkeypatch):
    plain, r1 = _ingest(None, corpus, bulk_after=10**9)
    monkeypatch.setattr(ingesting, "BATCH_ARTICLES", 5)      # several batches
    bulk, r2 = _ingest(tmp_path / "bulk", corpus, bulk_after=3, jobs=2)
    assert r1.ok and r2.ok and r1.added == r2.added == 24
    assert _quads(plain) == _quads(bulk)
    # re-ingest changes nothing
    before = _quads(bulk)
    r3 = ingesting.ingest(bulk, [str(corpus)], bulk_after=0)
    assert r3.added == 0 and r3.unchanged == 24 and _quads(bulk) == before


def test_reference_graph_from_pyoxigraph_matches_rdflib():
    from ontology.graphs import reference_data
    ours = {(q.subject, q.predicate, q.object) for q in ox.parse(ingesting.reference_nquads(), ox.RdfFormat.N_QUADS)}
    theirs = {(t.subject, t.predicate, t.object)
              for t in ox.parse(reference_data().serialize(format="nt"), ox.RdfFormat.N_TRIPLES)}
    assert ours == theirs


def test_dask_local_cluster_extracts_in_order(corpus, tmp_path):
    distributed = pytest.importorskip("distributed")
    from legation.distributed import DaskExecutor
    plain, _ = _ingest(None, corpus, bulk_after=10**9)
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                  dashboard_address=None) as cluster:
        with DaskExecutor(distributed.Client(cluster, set_as_default=False), own=True) as ex:
            store, report = _ingest(tmp_path / "dask", corpus, executor=ex, bulk_after=5)
    assert report.ok and report.added == 24
    assert _quads(store) == _quads(plain)


def test_scheduler_option_reports_an_unreachable_scheduler(tmp_path):
    pytest.importorskip("distributed")
    done = subprocess.run([sys.executable, "-m", "legation", "ingest", str(tmp_path), "--store", str(tmp_path / "kg"),
                           "--scheduler", "tcp://127.0.0.1:9"], capture_output=True, text=True, cwd=ROOT, timeout=120,
                          env={**__import__("os").environ, "DASK_DISTRIBUTED__COMM__TIMEOUTS__CONNECT": "2s"})
    assert done.returncode == 2 and "Dask scheduler" in done.stderr


@pytest.mark.slow
def test_quick_benchmark_runs(tmp_path):
    out = tmp_path / "bench.json"
    done = subprocess.run([sys.executable, "-m", "benchmarks.run", "--quick", "--size", "40",
                           "--baseline-articles", "10", "--repeat", "1", "--work", str(tmp_path / "w"),
                           "--out", str(out)], capture_output=True, text=True, cwd=ROOT, timeout=900)
    assert done.returncode == 0, done.stderr[-2000:]
    res = json.loads(out.read_text())
    assert res["ingest"]["oxigraph-j1"]["articles"] == 40
    assert all(v["rate"] > 0 for loads in res["load"].values() for v in loads.values())
    assert res["queries"]


def test_json_lines_spread_over_workers_and_known_articles_are_not_extracted_again(tmp_path, monkeypatch):
    generate.write(10, tmp_path / "jl", seed=5, fmt="jsonl")
    plain, r1 = _ingest(None, tmp_path / "jl", bulk_after=10**9)
    store, r2 = _ingest(tmp_path / "kg", tmp_path / "jl", jobs=2, bulk_after=4)
    assert r1.added == r2.added == 10 and _quads(plain) == _quads(store)
    calls = []
    monkeypatch.setattr(ingesting, "_extract_article", lambda a, p: calls.append(a) or None)
    r3 = ingesting.ingest(store, [str(tmp_path / "jl")])
    assert r3.unchanged == 10 and r3.added == 0 and not calls
