"""StoreConfig.resolve (arguments > environment > config file > default) and the back-end registry."""
from __future__ import annotations

from pathlib import Path

import pytest

import graph_store
from graph_store import StoreConfig, backends, open_store, register
from graph_store.config import derive_endpoints
from graph_store.oxigraph_store import OxigraphStore
from graph_store.sparql_store import SparqlStore
from legation.errors import ConfigError


def env_for(tmp_path: Path, **extra: str) -> dict[str, str]:
    """An environment with a HOME of its own and no config file."""
    return {"HOME": str(tmp_path / "home"), **extra}


def test_default_directory(tmp_path):
    config = StoreConfig.resolve(env=env_for(tmp_path))
    assert config.backend == "oxigraph"
    assert config.path == str(tmp_path / "home" / ".local" / "share" / "legation" / "store")
    config = StoreConfig.resolve(env=env_for(tmp_path, XDG_DATA_HOME=str(tmp_path / "data")))
    assert config.path == str(tmp_path / "data" / "legation" / "store")


def test_store_and_endpoint_precedence(tmp_path):
    env = env_for(tmp_path, LEGATION_ENDPOINT="http://db.example/query", LEGATION_USER="u",
                  LEGATION_PASSWORD="p")
    config = StoreConfig.resolve(env=env)
    assert (config.backend, config.endpoint) == ("sparql", "http://db.example/query")
    assert (config.user, config.password) == ("u", "p")
    config = StoreConfig.resolve(store=tmp_path / "here", env=env)          # the argument wins
    assert (config.backend, config.path) == ("oxigraph", str(tmp_path / "here"))
    config = StoreConfig.resolve(env=env_for(tmp_path, LEGATION_STORE=str(tmp_path / "env")))
    assert config.path == str(tmp_path / "env")
    assert StoreConfig.resolve(env=env, in_memory=True).path is None
    with pytest.raises(ConfigError, match="not both"):
        StoreConfig.resolve(store="x", endpoint="http://db.example/query", env=env_for(tmp_path))
    with pytest.raises(ConfigError, match="not both"):
        StoreConfig.resolve(endpoint="http://db.example/query", in_memory=True, env=env_for(tmp_path))


@pytest.mark.parametrize("query, update, gsp", [
    ("http://h:7878/query", "http://h:7878/update", "http://h:7878/store"),
    ("http://h:8890/sparql", "http://h:8890/sparql", "http://h:8890/sparql-graph-crud"),
    ("https://h/sparql-auth", "https://h/sparql-auth", "https://h/sparql-graph-crud-auth"),
    ("http://h:7200/repositories/news", "http://h:7200/repositories/news/statements",
     "http://h:7200/repositories/news/rdf-graphs/service"),
    ("http://h/ds/anything", "http://h/ds/anything", None),
])
def test_derived_endpoints(query, update, gsp):
    assert derive_endpoints(query) == (update, gsp)


def test_explicit_endpoints_win(tmp_path):
    env = env_for(tmp_path, LEGATION_ENDPOINT="http://h/ds/query", LEGATION_UPDATE_ENDPOINT="http://h/ds/update",
                  LEGATION_GSP_ENDPOINT="http://h/ds/data")
    config = StoreConfig.resolve(env=env)
    assert (config.update_endpoint, config.gsp_endpoint) == ("http://h/ds/update", "http://h/ds/data")


def test_config_file(tmp_path):
    file = tmp_path / "config.toml"
    file.write_text('[store]\nendpoint = "https://kg.example/sparql-auth"\nuser = "analyst"\n'
                    'password = "hunter2"\nverify_tls = false\ntimeout = 5\nretries = 1\n', "utf-8")
    config = StoreConfig.resolve(env=env_for(tmp_path, LEGATION_CONFIG=str(file)))
    assert config.backend == "sparql" and config.auth == "digest"
    assert (config.user, config.password, config.verify_tls, config.timeout, config.retries) == \
        ("analyst", "hunter2", False, 5, 1)
    assert "hunter2" not in repr(config) and "analyst" not in str(config)
    # the environment overrides the file, arguments override both
    config = StoreConfig.resolve(env=env_for(tmp_path, LEGATION_CONFIG=str(file), LEGATION_PASSWORD="env-pw"))
    assert config.password == "env-pw"
    assert StoreConfig.resolve(store="x", config_file=file, env=env_for(tmp_path)).backend == "oxigraph"


def test_default_config_file_location(tmp_path):
    folder = tmp_path / "home" / ".config" / "legation"
    folder.mkdir(parents=True)
    (folder / "config.toml").write_text(f'[store]\npath = "{tmp_path / "from-file"}"\n', "utf-8")
    assert StoreConfig.resolve(env=env_for(tmp_path)).path == str(tmp_path / "from-file")


@pytest.mark.parametrize("content, message", [
    ("[store\n", "cannot read"),
    ('[store]\ncolour = "red"\n', "unknown key"),
    ('[store]\nretries = "three"\n', "wrong type"),
])
def test_bad_config_file(tmp_path, content, message):
    file = tmp_path / "config.toml"
    file.write_text(content, "utf-8")
    with pytest.raises(ConfigError, match=message) as caught:
        StoreConfig.resolve(config_file=file, env=env_for(tmp_path))
    assert str(file) in str(caught.value)


def test_missing_named_config_file(tmp_path):
    with pytest.raises(ConfigError, match="not found"):
        StoreConfig.resolve(env=env_for(tmp_path, LEGATION_CONFIG=str(tmp_path / "none.toml")))


def test_bad_values():
    with pytest.raises(ConfigError, match="endpoint"):
        StoreConfig(backend="sparql")
    with pytest.raises(ConfigError, match="http"):
        StoreConfig(backend="sparql", endpoint="ftp://h/sparql")
    with pytest.raises(ConfigError, match="auth"):
        StoreConfig(backend="sparql", endpoint="http://h/sparql", auth="kerberos")


def test_load_threads(tmp_path):
    file = tmp_path / "config.toml"
    file.write_text(f'[store]\npath = "{tmp_path / "s"}"\nload_threads = 3\n', "utf-8")
    config = StoreConfig.resolve(config_file=file, env=env_for(tmp_path))
    assert config.load_threads == 3
    store = open_store(config)
    assert store.load_threads == 3
    store.close()
    with pytest.raises(ConfigError, match="load_threads"):
        StoreConfig(load_threads=0)
    file.write_text('[store]\nload_threads = "many"\n', "utf-8")
    with pytest.raises(ConfigError, match="wrong type"):
        StoreConfig.resolve(config_file=file, env=env_for(tmp_path))


def test_registry(tmp_path, monkeypatch):
    assert {"oxigraph", "sparql"} <= set(backends())
    assert isinstance(open_store(StoreConfig(path=None)), OxigraphStore)
    assert isinstance(open_store(StoreConfig(backend="sparql", endpoint="http://h/query")), SparqlStore)
    with pytest.raises(ConfigError, match="unknown store back-end"):
        open_store(StoreConfig(backend="nope"))
    monkeypatch.setattr(graph_store, "_REGISTRY", dict(graph_store._REGISTRY))   # keep the registry clean
    made = []
    register("memory-twin", lambda config: made.append(config) or OxigraphStore())
    assert "memory-twin" in backends()
    assert isinstance(open_store(StoreConfig(backend="memory-twin")), OxigraphStore) and len(made) == 1
