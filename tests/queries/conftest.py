"""Fixtures of the query tests: the hand-written graph (fixture.trig) in each back-end.

``fixture_in(kind)`` gives a store of that kind holding exactly the fixture: ``embedded`` (pyoxigraph in memory),
``oxigraph-server`` and ``virtuoso`` (the session's servers, from tests/conftest.py; their tests are marked
``server`` and skip when the server cannot be started). Loading is done once per back-end and checked before
each use, since other tests clear the servers.
"""
from __future__ import annotations

import pytest

from graph_store import StoreConfig, open_store
from servers import server_store

from queries_data import backend_params, fixture_size, load_fixture

SERVER_FIXTURE = {"oxigraph-server": "oxigraph_server", "virtuoso": "virtuoso_server"}

_loaded: dict[str, object] = {}


def _fresh(kind: str, request):
    if kind == "embedded":
        store = open_store(StoreConfig(path=None))
    else:
        store = server_store(request.getfixturevalue(SERVER_FIXTURE[kind]))
        store.clear()
    load_fixture(store)
    return store


@pytest.fixture
def fixture_in(request):
    """``fixture_in(kind)`` → a store of that kind holding the fixture (and nothing else of ours)."""
    def get(kind: str):
        store = _loaded.get(kind)
        if store is None or store.count_triples() != fixture_size():
            store = _loaded[kind] = _fresh(kind, request)
        return store
    return get


@pytest.fixture(params=backend_params())
def backend(request, fixture_in):
    """(kind, store holding the fixture), once for each back-end."""
    return request.param, fixture_in(request.param)
