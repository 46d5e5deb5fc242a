"""Node positions computed before the page is written, so that even 5,000 nodes appear at once.

Each connected component is laid out on its own. A component of up to ``CORE`` nodes gets networkx's
Fruchterman–Reingold layout (``spring_layout``). A bigger one gets it for its ``CORE`` best-connected nodes only
(its skeleton); every other node is then placed, nearest to the skeleton first, beside the neighbours already
placed, on a sunflower spiral around its first placed neighbour, so that the leaves of a hub do not cover each
other. That keeps the cost near linear (the skeleton's layout is dense, O(CORE²) per iteration). Components are
then packed in rows, the biggest first. Coordinates are in screen pixels; the result depends only on the graph
and the seed.
"""
from __future__ import annotations

import math
from collections import defaultdict, deque
from typing import Hashable

import networkx as nx

CORE = 300                  # nodes laid out by spring_layout in one component
SPACING = 55.0              # pixels per sqrt(node) of a component's radius
LEAF_STEP = 16.0            # pixels between rings of the sunflower around a hub
GOLDEN = math.pi * (3 - math.sqrt(5))

Pos = dict[Hashable, tuple[float, float]]


def _spring(g: nx.Graph, seed: int) -> Pos:
    n = g.number_of_nodes()
    if n == 1:
        return {next(iter(g)): (0.0, 0.0)}
    if n == 2:
        a, b = sorted(g, key=str)
        return {a: (-0.5, 0.0), b: (0.5, 0.0)}
    raw = nx.spring_layout(g, seed=seed, iterations=60 if n > 100 else 100, weight=None)
    return {node: (float(x), float(y)) for node, (x, y) in raw.items()}


def _component(g: nx.Graph, seed: int) -> Pos:
    n = g.number_of_nodes()
    radius = SPACING * math.sqrt(n)
    if n <= CORE:
        return {node: (x * radius, y * radius) for node, (x, y) in _spring(g, seed).items()}
    order = sorted(g, key=lambda v: (-g.degree(v), str(v)))
    core = g.subgraph(order[:CORE])
    core_radius = SPACING * math.sqrt(CORE) * 1.6
    pos: Pos = {node: (x * core_radius, y * core_radius) for node, (x, y) in _spring(core, seed).items()}
    children: dict[Hashable, int] = defaultdict(int)
    queue = deque(sorted(pos, key=str))
    while queue:
        node = queue.popleft()
        for nb in sorted(g[node], key=str):
            if nb in pos:
                continue
            placed = [pos[v] for v in g[nb] if v in pos]
            cx = sum(p[0] for p in placed) / len(placed)
            cy = sum(p[1] for p in placed) / len(placed)
            i = children[node]
            children[node] += 1
            r = LEAF_STEP * math.sqrt(i + 1) + 20.0
            pos[nb] = (cx + r * math.cos(i * GOLDEN), cy + r * math.sin(i * GOLDEN))
            queue.append(nb)
    return pos


def _spread(pos: Pos, min_distance: float = 30.0) -> Pos:
    """Move apart nodes that landed on (nearly) the same spot, as structurally equal hubs do: each group is set
    on a small circle around its centre."""
    cells: dict[tuple[int, int], list[Hashable]] = defaultdict(list)
    for node, (x, y) in pos.items():
        cells[(round(x / min_distance), round(y / min_distance))].append(node)
    out = dict(pos)
    for members in cells.values():
        if len(members) < 2:
            continue
        members.sort(key=str)
        cx = sum(pos[v][0] for v in members) / len(members)
        cy = sum(pos[v][1] for v in members) / len(members)
        radius = min_distance * max(1.0, len(members) / math.pi)
        for i, node in enumerate(members):
            angle = 2 * math.pi * i / len(members)
            out[node] = (cx + radius * math.cos(angle), cy + radius * math.sin(angle))
    return out


def positions(g: nx.Graph, seed: int = 7) -> Pos:
    """Pixel positions for every node of ``g`` (see the module docstring)."""
    comps = sorted((sorted(c, key=str) for c in nx.connected_components(g)), key=lambda c: (-len(c), str(c[0])))
    out: Pos = {}
    row_x = row_y = row_height = 0.0
    row_width = None
    for nodes in comps:
        pos = _spread(_component(g.subgraph(nodes), seed))
        xs = [p[0] for p in pos.values()]
        ys = [p[1] for p in pos.values()]
        w = max(xs) - min(xs) + 2 * SPACING
        h = max(ys) - min(ys) + 2 * SPACING
        if row_width is None:
            row_width = max(w, 1200.0)          # the biggest component sets the width of the rows
        if row_x > 0 and row_x + w > row_width:
            row_x, row_y, row_height = 0.0, row_y + row_height, 0.0
        dx, dy = row_x - min(xs) + SPACING, row_y - min(ys) + SPACING
        for node, (x, y) in pos.items():
            out[node] = (round(x + dx, 1), round(y + dy, 1))
        row_x += w
        row_height = max(row_height, h)
    return out
