"""explore.layout: every node gets a place, the same graph gets the same places, big graphs are quick."""
from __future__ import annotations

import math
import time

import networkx as nx

from explore.layout import positions


def test_every_node_placed_and_deterministic():
    g = nx.barabasi_albert_graph(120, 2, seed=1)
    g.add_edges_from([(200, 201), (202, 203)])       # small separate components
    g.add_node(300)
    a, b = positions(g), positions(g.copy())
    assert set(a) == set(g) and a == b
    assert all(math.isfinite(x) and math.isfinite(y) for x, y in a.values())


def test_equivalent_hubs_do_not_overlap():
    g = nx.Graph()
    for i in range(20):                               # two hubs linked to exactly the same nodes
        g.add_edge("RU", i)
        g.add_edge("PK", i)
    pos = positions(g)
    assert math.dist(pos["RU"], pos["PK"]) >= 25


def test_five_thousand_nodes_quickly():
    g = nx.barabasi_albert_graph(5000, 1, seed=2)
    start = time.perf_counter()
    pos = positions(g)
    assert len(pos) == 5000
    assert time.perf_counter() - start < 15
    distinct = {(round(x), round(y)) for x, y in pos.values()}
    assert len(distinct) > 4900
