"""The server-side layout: the blocked repulsion is the plain pairwise sum, every node gets
a place, the same graph gets the same places, and linked nodes end up near each other."""

from __future__ import annotations

import math
import random

import networkx as nx
import numpy as np

from viz.layout import BLOCK, _repulsion, iterations_for, spring_positions


def test_blocked_repulsion_equals_the_pairwise_sum() -> None:
    rng = np.random.default_rng(3)
    pos = rng.random((BLOCK + 37, 2))  # more than one block, the last one partial
    k = 1.0 / math.sqrt(len(pos))
    expected = np.zeros_like(pos)
    for i in range(len(pos)):
        delta = pos[i] - pos
        dist2 = np.maximum((delta**2).sum(axis=1), 1e-6)
        dist2[i] = np.inf  # a node does not push itself
        expected[i] = (delta * (k * k / dist2)[:, None]).sum(axis=0)
    assert np.allclose(_repulsion(pos, k), expected, rtol=1e-9, atol=1e-12)


def _random_graph(n: int, seed: int) -> nx.Graph:
    rng = random.Random(seed)
    g = nx.Graph()
    g.add_nodes_from(f"n{i}" for i in range(n))
    for i in range(1, n):  # a random tree, plus some extra links
        g.add_edge(f"n{i}", f"n{rng.randrange(i)}")
    for _ in range(n // 4):
        a, b = rng.sample(range(n), 2)
        g.add_edge(f"n{a}", f"n{b}")
    return g


def test_every_node_gets_its_own_place_and_the_same_one_twice() -> None:
    g = _random_graph(700, seed=5)
    positions = spring_positions(g)
    assert set(positions) == set(g.nodes)
    assert len(set(positions.values())) == g.number_of_nodes()
    assert all(math.isfinite(x) and math.isfinite(y) for x, y in positions.values())
    assert spring_positions(g.copy()) == positions


def test_linked_nodes_are_drawn_closer_than_random_pairs() -> None:
    g = _random_graph(400, seed=9)
    positions = spring_positions(g)

    def dist(a: str, b: str) -> float:
        (ax, ay), (bx, by) = positions[a], positions[b]
        return math.hypot(ax - bx, ay - by)

    linked = [dist(a, b) for a, b in g.edges()]
    rng = random.Random(1)
    nodes = list(g.nodes)
    anyhow = [dist(*rng.sample(nodes, 2)) for _ in range(len(linked))]
    assert sum(linked) / len(linked) < 0.5 * sum(anyhow) / len(anyhow)


def test_bigger_graphs_get_fewer_rounds_but_never_none() -> None:
    rounds = [iterations_for(n) for n in (10, 500, 1000, 2000, 5000, 10_000)]
    assert rounds == sorted(rounds, reverse=True)
    assert min(rounds) >= 1
