"""An ingest that wrote many triples ends by compacting the embedded store (legation/ingesting.py,
``Store.compact``); ``legation ingest --compact/--no-compact`` overrides the threshold."""
from __future__ import annotations

import pytest
from user_cli import PAIR, rel

from graph_store import StoreConfig, open_store
from legation.errors import StoreError
from legation.ingesting import COMPACT_TRIPLES, ingest


@pytest.fixture
def store(tmp_path):
    s = open_store(StoreConfig(path=str(tmp_path / "store")))
    yield s
    s.close()


def test_a_run_over_the_threshold_compacts_and_keeps_every_triple(store, monkeypatch):
    calls = []
    compact = store.compact
    monkeypatch.setattr(store, "compact", lambda: (calls.append(store.count_triples()), compact()))
    report = ingest(store, [str(p) for p in PAIR], compact_after=1)
    assert report.added == 2 and report.triples > 1
    assert len(calls) == 1 and "compact" in report.stages
    assert store.count_triples() == calls[0]           # the same content after it


@pytest.mark.parametrize("compact_after", [COMPACT_TRIPLES, None], ids=["under-the-threshold", "never"])
def test_a_small_run_or_never_does_not_compact(store, monkeypatch, compact_after):
    monkeypatch.setattr(store, "compact", lambda: pytest.fail("compacted"))
    report = ingest(store, [str(p) for p in PAIR], compact_after=compact_after)
    assert report.added == 2 and report.triples < COMPACT_TRIPLES
    assert "compact" not in report.stages


def test_compact_refuses_a_read_only_store(tmp_path):
    path = str(tmp_path / "store")
    writable = open_store(StoreConfig(path=path))
    ingest(writable, [str(PAIR[0])], compact_after=0)
    triples = writable.count_triples()
    writable.close()
    read_only = open_store(StoreConfig(path=path, read_only=True))
    try:
        with pytest.raises(StoreError, match="read-only"):
            read_only.compact()
        assert read_only.count_triples() == triples
    finally:
        read_only.close()


def test_ingest_compact_flags(tmp_path, cli):
    store = tmp_path / "store"
    assert "1 articles added" in cli("ingest", rel(PAIR[0]), "--store", store, "--compact").ok().err
    assert "1 articles added" in cli("ingest", rel(PAIR[1]), "--store", store, "--no-compact").ok().err
    assert "--no-compact" in cli("ingest", "--help").ok().out
