"""Graph stores: where the RDF lives, chosen by name.

A tiny registry in the spirit of rdflib's ``plugin.py``: each back-end registers a factory under a name, and
``open_store`` looks the configuration's ``backend`` up — no if/else over names. A factory is a callable
taking a ``StoreConfig`` and returning a ``Store``, or a ``"module:attribute"`` string naming one, imported on
first use (so that opening the embedded store never imports the HTTP client, and vice versa).

Built in:

- ``oxigraph``: embedded pyoxigraph, on disk (``path``) or in memory (``path=None``) —
  ``graph_store.oxigraph_store``;
- ``sparql``: any SPARQL 1.1 server (Oxigraph server, Virtuoso, Fuseki, GraphDB …) —
  ``graph_store.sparql_store``.

Example::

    from graph_store import open_store, StoreConfig
    with open_store(StoreConfig.resolve()) as store:
        store.put_graph("https://w3id.org/legation/id/article/abc", nt_text)
"""
from __future__ import annotations

import importlib
from typing import Callable, Union

from legation.errors import ConfigError

from .base import SelectResult, Store
from .config import StoreConfig

Factory = Callable[[StoreConfig], Store]

_REGISTRY: dict[str, Union[Factory, str]] = {
    "oxigraph": "graph_store.oxigraph_store:OxigraphStore",
    "sparql": "graph_store.sparql_store:SparqlStore",
}


def register(name: str, factory: Union[Factory, str]) -> None:
    """Make back-end ``name`` available to ``open_store``; ``factory`` is a callable or "module:attribute"."""
    if not name or not isinstance(name, str):
        raise ConfigError("a back-end needs a non-empty name")
    _REGISTRY[name] = factory


def backends() -> list[str]:
    """The names of the registered back-ends, sorted."""
    return sorted(_REGISTRY)


def _factory(name: str) -> Factory:
    try:
        factory = _REGISTRY[name]
    except KeyError:
        raise ConfigError(f"unknown store back-end {name!r}; known: {', '.join(backends())}") from None
    if isinstance(factory, str):
        module, _, attribute = factory.partition(":")
        factory = getattr(importlib.import_module(module), attribute)
    return factory


def open_store(config: StoreConfig) -> Store:
    """Open the store that ``config`` describes (raises ``StoreError``/``ConfigError`` with a clear message)."""
    return _factory(config.backend)(config)


__all__ = ["Store", "SelectResult", "StoreConfig", "register", "backends", "open_store"]
