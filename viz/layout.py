"""Node positions computed at build time, so a big page draws at once instead of running
vis-network's physics in the browser.

A Fruchterman-Reingold spring layout in numpy (networkx's own needs scipy for more than
500 nodes): seeded, so the same view is drawn the same way, with iterations bounded by
the graph's size, and the repulsion computed in row blocks to bound memory.
"""

from __future__ import annotations

import math
from collections.abc import Hashable

import networkx as nx
import numpy as np

SEED = 7
BLOCK = 256  # rows of the pairwise repulsion computed at once (BLOCK x n x 2 floats)
PIXELS_PER_NODE = 60.0  # canvas units per sqrt(node): ~120 px between neighbours


def iterations_for(n_nodes: int) -> int:
    """Fewer rounds for bigger graphs: each round is quadratic in the node count
    (60 up to ~580 nodes, 20 at 1,000, 4 from ~2,250)."""
    return max(4, min(60, 20_000_000 // max(n_nodes, 1) ** 2))


def spring_positions(g: nx.Graph, seed: int = SEED) -> dict[Hashable, tuple[float, float]]:
    """x, y in vis-network canvas units for every node of ``g`` (edges undirected)."""
    nodes = list(g.nodes)
    n = len(nodes)
    if n == 0:
        return {}
    if n == 1:
        return {nodes[0]: (0.0, 0.0)}
    index = {node: i for i, node in enumerate(nodes)}
    pairs = {(index[u], index[v]) for u, v in g.edges() if u != v}
    edges = np.array(sorted(pairs), dtype=np.intp).reshape(-1, 2)
    rng = np.random.default_rng(seed)
    pos = rng.random((n, 2), dtype=np.float32)
    k = 1.0 / math.sqrt(n)
    iterations = iterations_for(n)
    temperature = 0.1
    cooling = temperature / (iterations + 1)
    for _ in range(iterations):
        disp = np.zeros((n, 2), dtype=np.float32)
        for start in range(0, n, BLOCK):
            delta = pos[start : start + BLOCK, None, :] - pos[None, :, :]
            dist2 = np.maximum((delta**2).sum(axis=-1), 1e-6)
            disp[start : start + BLOCK] += (delta * (k * k / dist2)[..., None]).sum(axis=1)
        if len(edges):
            delta = pos[edges[:, 0]] - pos[edges[:, 1]]
            pull = delta * (np.sqrt((delta**2).sum(axis=-1)) / k)[:, None]
            np.add.at(disp, edges[:, 0], -pull)
            np.add.at(disp, edges[:, 1], pull)
        # A little gravity keeps unlinked nodes from drifting to the edge of the picture.
        disp -= (pos - pos.mean(axis=0)) * (0.05 * n * k)
        length = np.maximum(np.sqrt((disp**2).sum(axis=-1)), 1e-9)
        pos += disp * (np.minimum(length, temperature) / length)[:, None]
        temperature -= cooling
    pos -= pos.mean(axis=0)
    extent = float(np.abs(pos).max()) or 1.0
    pos *= PIXELS_PER_NODE * math.sqrt(n) / extent
    return {
        node: (round(float(x), 1), round(float(y), 1))
        for node, (x, y) in zip(nodes, pos, strict=True)
    }
