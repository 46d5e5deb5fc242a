"""The ontology's RDF files as rdflib graphs: terms, SKOS schemes, reference data, SHACL shapes.

Each function parses its file and returns a new graph, which the caller may change freely.
``reference_data()`` is what a store keeps in ``iris.REFERENCE_GRAPH``.
"""
from __future__ import annotations

from pathlib import Path

from rdflib import Graph

from . import HERE

ONTOLOGY_TTL = HERE / "legation.ttl"
SCHEMES_TTL = HERE / "schemes.ttl"
REFERENCE_TTL = HERE / "reference.ttl"
SHAPES_TTL = HERE / "shapes.ttl"


def _parse(*paths: Path) -> Graph:
    graph = Graph()
    for path in paths:
        graph.parse(data=path.read_text(encoding="utf-8"), format="turtle")
    return graph


def ontology_graph() -> Graph:
    """Our own terms (legation.ttl)."""
    return _parse(ONTOLOGY_TTL)


def schemes_graph() -> Graph:
    """The SKOS schemes: PLOVER types, contexts, roles, portfolios, topics (schemes.ttl)."""
    return _parse(SCHEMES_TTL)


def reference_graph() -> Graph:
    """States, organisations and places (reference.ttl)."""
    return _parse(REFERENCE_TTL)


def shapes_graph() -> Graph:
    """The SHACL shapes a produced graph must satisfy (shapes.ttl)."""
    return _parse(SHAPES_TTL)


def reference_data() -> Graph:
    """Ontology, schemes and reference data together: the content of the reference named graph of a store."""
    return _parse(ONTOLOGY_TTL, SCHEMES_TTL, REFERENCE_TTL)
