"""Node positions computed at build time, so a big page draws at once instead of running
vis-network's physics in the browser.

A Fruchterman-Reingold spring layout in numpy (networkx's own needs scipy for more than
500 nodes): seeded, so the same view is drawn the same way, with iterations bounded by
the graph's size. The all-pairs repulsion is computed in row blocks (bounded memory),
x and y apart, which is several times faster than a pairwise-difference array, and in
float32: positions end rounded to a tenth of a canvas unit, and the half-size arrays made the
300-node events page's layout about twice as fast (docs/scaling.md, issue 14).
"""

from __future__ import annotations

import math
from collections.abc import Hashable

import networkx as nx
import numpy as np

SEED = 7
BLOCK = 512  # rows of the pairwise repulsion computed at once (a few BLOCK x n arrays)
PIXELS_PER_NODE = 60.0  # canvas units per sqrt(node): ~120 px between neighbours


def iterations_for(n_nodes: int) -> int:
    """Fewer rounds for bigger graphs: each round is quadratic in the node count
    (60 up to ~910 nodes, 50 at 1,000, 12 at 2,000, 4 from ~3,540)."""
    return max(4, min(60, 50_000_000 // max(n_nodes, 1) ** 2))


def _repulsion(pos: np.ndarray, k: float) -> np.ndarray:
    """Sum over the other nodes of (p_i - p_j) k^2 / |p_i - p_j|^2, for every node i.

    x and y are kept apart (no reduction over a length-2 axis) and the row sums are
    einsums, not matrix products: no BLAS threads, which cost more than they save here.
    """
    n = len(pos)
    x, y = pos[:, 0], pos[:, 1]
    disp = np.empty_like(pos)
    for start in range(0, n, BLOCK):
        dx = x[start : start + BLOCK, None] - x[None, :]
        dy = y[start : start + BLOCK, None] - y[None, :]
        w = dx * dx
        w += dy * dy
        np.maximum(w, 1e-6, out=w)
        np.divide(k * k, w, out=w)
        diagonal = np.arange(len(dx))
        w[diagonal, start + diagonal] = 0.0  # a node does not push itself
        disp[start : start + BLOCK, 0] = np.einsum("ij,ij->i", dx, w)
        disp[start : start + BLOCK, 1] = np.einsum("ij,ij->i", dy, w)
    return disp


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
    k = 1.0 / math.sqrt(n)  # a Python float: numpy keeps the arrays float32
    iterations = iterations_for(n)
    temperature = 0.1
    cooling = temperature / (iterations + 1)
    for _ in range(iterations):
        disp = _repulsion(pos, k)
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
