"""Shared fixtures: stores and SPARQL servers.

- ``store``: an empty store, once per back-end: ``oxigraph-memory``, ``oxigraph-disk``, ``oxigraph-server``
  and ``virtuoso`` (the last two marked ``server``; the servers live for the whole session and our graphs
  are dropped before each test).
- ``oxigraph_server`` / ``virtuoso_server``: the SPARQL query URL of a running server. Virtuoso is the one at
  ``$LEGATION_TEST_VIRTUOSO`` (CI starts it with ``.ci/virtuoso.sh``), else one started here when
  ``virtuoso-t`` is installed.
- ``virtuoso_credentials``: (user, password) of a Virtuoso user that may update through ``/sparql-auth``.

A server that cannot be started skips its tests — unless ``LEGATION_REQUIRE_SERVERS=1`` (CI), which makes
them fail.
"""
from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Callable, Iterator

import pytest

if str(Path(__file__).resolve().parent) not in sys.path:  # for `from servers import …` in any import mode
    sys.path.append(str(Path(__file__).resolve().parent))

from servers import (  # noqa: E402
    ServerUnavailable, server_store, start_oxigraph, start_virtuoso, wait_until_answering,
)

from graph_store import StoreConfig, open_store  # noqa: E402
from graph_store.base import Store  # noqa: E402


def _unavailable(reason: str) -> None:
    """Skip — or fail, when CI requires the servers."""
    if os.environ.get("LEGATION_REQUIRE_SERVERS") == "1":
        pytest.fail(f"server required (LEGATION_REQUIRE_SERVERS=1) but unavailable: {reason}", pytrace=False)
    pytest.skip(reason)


@pytest.fixture(scope="session")
def _oxigraph_instance(tmp_path_factory):
    try:
        server = start_oxigraph(tmp_path_factory.mktemp("oxigraph-server"))
    except ServerUnavailable as e:
        _unavailable(str(e))
    yield server
    server.stop()


@pytest.fixture(scope="session")
def oxigraph_server(_oxigraph_instance) -> str:
    """The query URL of a session-wide Oxigraph server (``--union-default-graph``)."""
    return _oxigraph_instance.url


@pytest.fixture(scope="session")
def _virtuoso_instance(tmp_path_factory):
    external = os.environ.get("LEGATION_TEST_VIRTUOSO")
    if external:
        yield None
        return
    try:
        server = start_virtuoso(tmp_path_factory.mktemp("virtuoso"))
    except ServerUnavailable as e:
        _unavailable(str(e))
    yield server
    server.stop()


@pytest.fixture(scope="session")
def virtuoso_server(_virtuoso_instance) -> str:
    """The query URL (``…/sparql``) of a Virtuoso 7 with updates and GSP granted."""
    if _virtuoso_instance is not None:
        return _virtuoso_instance.url
    external = os.environ["LEGATION_TEST_VIRTUOSO"]
    try:
        wait_until_answering(external, timeout=30)
    except ServerUnavailable as e:
        _unavailable(f"LEGATION_TEST_VIRTUOSO: {e}")
    return external


@pytest.fixture(scope="session")
def virtuoso_credentials(_virtuoso_instance, virtuoso_server) -> tuple[str, str]:
    """(user, password) of a Virtuoso user with SPARQL_UPDATE (digest auth on ``/sparql-auth``)."""
    if _virtuoso_instance is not None:
        return _virtuoso_instance.extra["user"], _virtuoso_instance.extra["password"]
    user, password = os.environ.get("LEGATION_TEST_VIRTUOSO_USER"), os.environ.get("LEGATION_TEST_VIRTUOSO_PASSWORD")
    if not (user and password):
        pytest.skip("set LEGATION_TEST_VIRTUOSO_USER and LEGATION_TEST_VIRTUOSO_PASSWORD for this test")
    return user, password


def _memory(request, tmp_path: Path) -> Store:
    return open_store(StoreConfig(path=None))


def _disk(request, tmp_path: Path) -> Store:
    return open_store(StoreConfig(path=str(tmp_path / "store")))


def _on_server(fixture: str) -> Callable[..., Store]:
    def make(request, tmp_path: Path) -> Store:
        store = server_store(request.getfixturevalue(fixture))
        store.clear()  # type: ignore[attr-defined]
        return store
    return make


STORE_FACTORIES: dict[str, Callable[..., Store]] = {
    "oxigraph-memory": _memory,
    "oxigraph-disk": _disk,
    "oxigraph-server": _on_server("oxigraph_server"),
    "virtuoso": _on_server("virtuoso_server"),
}
SERVER_KINDS = {"oxigraph-server", "virtuoso"}


@pytest.fixture(params=[pytest.param(kind, marks=[pytest.mark.server] if kind in SERVER_KINDS else [])
                        for kind in STORE_FACTORIES])
def store(request, tmp_path) -> Iterator[Store]:
    """An empty store, once for each back-end."""
    store = STORE_FACTORIES[request.param](request, tmp_path)
    yield store
    store.close()


# -- headless Chromium (the explore and robustness page tests) -----------------------------------------------

@pytest.fixture(scope="session")
def browser():
    """A headless Chromium (explore.screenshot's driver) for the session; skips without one, unless
    LEGATION_REQUIRE_BROWSER=1 (CI), which makes the browser tests fail instead."""
    from explore.screenshot import Browser, find_chromium

    if find_chromium() is None:
        if os.environ.get("LEGATION_REQUIRE_BROWSER") == "1":
            pytest.fail("Chromium required (LEGATION_REQUIRE_BROWSER=1) but not found", pytrace=False)
        pytest.skip("no Chromium found (set $LEGATION_CHROMIUM or install chromium)")
    with Browser(timeout=60) as chromium:
        yield chromium
