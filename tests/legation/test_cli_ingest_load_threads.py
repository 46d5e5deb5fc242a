"""`legation ingest --load-threads N`: accepted and applied to the embedded store; a bad value is one usage line."""
from __future__ import annotations

from user_cli import PAIR, rel

from graph_store import StoreConfig
from graph_store.oxigraph_store import OxigraphStore, cpu_count
from graph_store.sparql_store import SparqlStore
from legation.options import open_store


def test_ingest_with_load_threads(tmp_path, cli):
    store = tmp_path / "store"
    run = cli("ingest", rel(PAIR[0]), "--store", store, "--load-threads", "3").ok()
    assert "1 articles added" in run.err
    bad = cli("ingest", rel(PAIR[0]), "--store", store, "--load-threads", "0")
    assert bad.code == 2 and "--load-threads" in bad.err and "Traceback" not in bad.err


def test_open_store_applies_load_threads_to_the_embedded_store_only(tmp_path, monkeypatch):
    monkeypatch.setenv("LEGATION_CONFIG", str(tmp_path / "none.toml"))
    (tmp_path / "none.toml").write_text("[store]\n", "utf-8")
    monkeypatch.delenv("LEGATION_ENDPOINT", raising=False)
    store = open_store(str(tmp_path / "s"), None, load_threads=3)
    assert isinstance(store, OxigraphStore) and store.load_threads == 3
    store.close()
    default = open_store(str(tmp_path / "s"), None)
    assert default.load_threads == cpu_count()
    default.close()
    remote = open_store(None, "http://127.0.0.1:9/sparql", load_threads=3)
    assert isinstance(remote, SparqlStore) and StoreConfig.resolve(endpoint="http://h/sparql").load_threads is None
