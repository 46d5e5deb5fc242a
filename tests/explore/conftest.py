"""Fixtures of the explore tests: the hand-written graph (fixture.nq) in a store, and a headless Chromium.

Browser tests (marked ``browser``) skip when no Chromium is found, unless ``LEGATION_REQUIRE_BROWSER=1`` (CI),
which makes them fail instead.
"""
from __future__ import annotations


import pytest

from explore import facts as explore_facts
from graph_store import StoreConfig, open_store

from explore_data import load_fixture


@pytest.fixture
def fixture_store():
    """An in-memory store holding fixture.nq."""
    store = open_store(StoreConfig(path=None))
    load_fixture(store)
    yield store
    store.close()


@pytest.fixture
def store_dir(tmp_path) -> str:
    """An embedded store on disk holding fixture.nq (for the commands), closed again."""
    path = tmp_path / "store"
    store = open_store(StoreConfig(path=str(path)))
    load_fixture(store)
    store.close()
    return str(path)


@pytest.fixture
def load(fixture_store):
    """``load(states=..., since=..., until=..., types=...)`` → Facts of the fixture."""
    def run(**selection):
        return explore_facts.load(fixture_store, explore_facts.Selection.make(**selection))
    return run


