"""Shortest connections between two entities, each step said in words with its evidence."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from itertools import pairwise, product
from typing import Any

from graph.database.cypher import query
from graph.read import words
from graph.read.models import EntityRef, PathOut, PathsResponse, PathStep
from graph.read.reads import READ_TIMEOUT_S, Citations, Reads, event_summary

MAX_HOPS = 6  # the widest search /paths allows
MAX_PATHS = 20


def explain(
    nodes: list[Mapping[str, Any]], rels: list[Mapping[str, Any]], cite: Citations
) -> PathOut:
    """One path (alternating nodes and relationships, as the query returns it) in steps."""
    steps: list[PathStep] = []
    i = 0
    while i < len(rels):
        here = EntityRef.model_validate(nodes[i]["props"])
        nxt = nodes[i + 1]
        if nxt["kind"] == "event" and i + 1 < len(rels):
            there = EntityRef.model_validate(nodes[i + 2]["props"])
            first, second = rels[i], rels[i + 1]
            event = event_summary(nxt["props"])
            steps.append(
                PathStep.model_validate(
                    {
                        "from": here,
                        "to": there,
                        "via": "event",
                        "event": event,
                        "text": words.event_step_text(
                            here.name,
                            words.role_of(first["type"], first["rel"]),
                            there.name,
                            words.role_of(second["type"], second["rel"]),
                            event.model_dump(),
                        ),
                        "evidence": cite.of(first["rel"], second["rel"]),
                    }
                )
            )
            i += 2
            continue
        there = EntityRef.model_validate(nxt["props"])
        rel = rels[i]
        subject, obj = (here, there) if rel["start"] == here.id else (there, here)
        steps.append(
            PathStep.model_validate(
                {
                    "from": here,
                    "to": there,
                    "via": rel["type"],
                    "text": words.affiliation_text(rel["type"], subject.name, obj.name, rel["rel"]),
                    "evidence": cite.of(rel["rel"]),
                }
            )
        )
        i += 1
    return PathOut(hops=len(rels), text="; ".join(s.text for s in steps), steps=steps)


Step = tuple[str, bool, str]  # (node, the step to the next is a meeting, its relationship id)


@dataclass
class Ball:
    """Exact hop distances from one end, out to ``radius`` (an event step counts two hops),
    the shortest ways in (``back``), and the neighbours of every node expanded so far."""

    radius: int
    dist: dict[str, int]
    back: dict[str, list[Step]] = field(default_factory=dict)  # node: (prev, met, rel)
    near: dict[str, list[Step]] = field(default_factory=dict)  # node: (next, met, rel)

    def routes(self, node: str) -> Iterator[list[Step]]:
        """Every shortest way from the end to ``node``, end first; the last step is empty."""
        if not self.back.get(node):
            yield [(node, False, "")]
            return
        for prev, met, rel in sorted(self.back[node]):
            for way in self.routes(prev):
                yield [*way[:-1], (prev, met, rel), (node, False, "")]


def _grow(reads: Reads, balls: list[Ball]) -> None:
    """Widen both balls ring by ring: the nodes at distance < radius are expanded (one query
    per ring for both ends), so every distance up to the radius is exact."""
    for ring in range(max(b.radius for b in balls)):
        todo = sorted({n for b in balls if b.radius > ring for n, d in b.dist.items() if d == ring})
        rows = reads.graph.read(
            query("api/path_neighbours"), {"ids": todo}, timeout_s=READ_TIMEOUT_S
        )
        found: dict[str, list[Step]] = {}
        for r in rows:
            found.setdefault(r["from"], []).append((r["to"], bool(r["met"]), r["rel"]))
        for b in balls:
            if b.radius <= ring:
                continue
            for node in [n for n, d in b.dist.items() if d == ring]:
                b.near[node] = found.get(node, [])
                for nxt, met, rel in b.near[node]:
                    d = ring + (2 if met else 1)
                    if d > b.radius or b.dist.get(nxt, d) < d:
                        continue
                    if b.dist.get(nxt, d) > d:  # a shorter way than one seen in this ring
                        b.back[nxt] = []
                    b.dist[nxt] = d
                    b.back.setdefault(nxt, []).append((node, met, rel))


def _cuts(a: Ball, b: Ball, target: str) -> list[tuple[str, Step | None]]:
    """Where each shortest route crosses from ``a``'s ball into ``b``'s: at a node (at distance
    ``a.radius``, or the target), or on a MET step from a node at ``a.radius - 1``. Each route
    has exactly one such crossing, so none is counted twice."""
    options: list[tuple[int, str, Step | None]] = []
    for node, da in a.dist.items():
        if node in b.dist and (da == a.radius or node == target):
            options.append((da + b.dist[node], node, None))
        if da == a.radius - 1:
            for step in a.near.get(node, []):
                if step[1] and step[0] in b.dist:
                    options.append((da + 2 + b.dist[step[0]], node, step))
    if not options:
        return []
    best = min(o[0] for o in options)
    return sorted({(n, s) for length, n, s in options if length == best}, key=str)


def _routes(a: Ball, b: Ball, target: str, limit: int) -> list[list[Step]]:
    """Up to ``limit`` shortest routes from ``a``'s end to ``target``, in a fixed order."""
    out: list[list[Step]] = []
    for node, edge in _cuts(a, b, target):
        joint = edge[0] if edge else node
        for head in a.routes(node):
            if edge is not None:
                head = [*head[:-1], (node, True, edge[2]), (joint, False, "")]
            for tail in b.routes(joint):
                # reversed, a step's kind and relationship sit on the node after it
                back = list(reversed(tail))
                steps = [(n, m, r) for (n, _, _), (_, m, r) in pairwise([*back, ("", False, "")])]
                out.append([*head[:-1], *steps])
                if len(out) >= limit:
                    return out
    return out


def _paths(
    route: list[Step], details: dict[str, list[Any]]
) -> Iterator[tuple[list[dict[str, Any]], list[dict[str, Any]]]]:
    """The relationship paths of one route (each meeting step through each shared event), as
    the former allShortestPaths statement returned them."""
    steps: list[list[tuple[list[dict[str, Any]], list[dict[str, Any]]]]] = []
    for (x, met, rel), _ in pairwise(route):
        items = details.get(rel, [])
        if met:
            options = []
            for i in items:
                first, second = (i["a"], i["b"]) if i["a"]["start"] == x else (i["b"], i["a"])
                options.append(([{"kind": "event", "props": i["event"]}], [first, second]))
            steps.append(options)
        else:
            steps.append([([], [i]) for i in items])
    for combo in product(*steps):
        nodes: list[dict[str, Any]] = [{"kind": "entity", "props": details[route[0][0]][0]}]
        rels: list[dict[str, Any]] = []
        for (mid, step_rels), (y, _, _) in zip(combo, route[1:], strict=True):
            nodes += [*mid, {"kind": "entity", "props": details[y][0]}]
            rels += step_rels
        yield nodes, rels


def search(reads: Reads, a: str, b: str, max_hops: int, limit: int) -> list[dict[str, Any]]:
    """All shortest paths (up to ``limit``) of at most ``max_hops`` relationships between two
    entities, found by growing a ball of radius ``ceil(max_hops / 2)`` around one end and
    ``floor`` around the other over ties and the MET summary (a meeting is one MET
    relationship, not every event of a busy entity), then reading only the routes' steps."""
    ra = (max_hops + 1) // 2
    ball_a, ball_b = Ball(ra, {a: 0}), Ball(max_hops - ra, {b: 0})
    _grow(reads, [ball_a, ball_b])
    routes = _routes(ball_a, ball_b, b, limit)
    if not routes:
        return []
    steps = [s for r in routes for s in r[:-1]]
    rows = reads.graph.read(
        query("api/path_details"),
        {
            "met": sorted({rel for _, met, rel in steps if met}),
            "ties": sorted({rel for _, met, rel in steps if not met}),
            "ids": sorted({n for r in routes for n, _, _ in r}),
            "limit": limit,
        },
        timeout_s=READ_TIMEOUT_S,
    )
    details = {r["key"]: r["items"] for r in rows}
    out: list[dict[str, Any]] = []
    for route in routes:
        for nodes, rels in _paths(route, details):
            out.append({"nodes": nodes, "rels": rels})
            if len(out) >= limit:
                return out
    return out


def shortest_paths(
    reads: Reads, from_ref: str, to_ref: str, max_hops: int, limit: int
) -> PathsResponse:
    """All shortest paths (up to ``limit``) of at most ``max_hops`` relationships."""
    a, b = reads.resolve(from_ref), reads.resolve(to_ref)
    rows = search(reads, a.id, b.id, max_hops, limit) if a.id != b.id else []
    cite = Citations()
    paths = [explain(r["nodes"], r["rels"], cite) for r in rows]
    cite.resolve(reads.graph)
    return PathsResponse.model_validate({"from": a, "to": b, "max_hops": max_hops, "paths": paths})
