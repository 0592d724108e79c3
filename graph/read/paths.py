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


@dataclass
class Ball:
    """Exact hop distances from one end, out to ``radius`` (an event step counts two hops),
    the shortest ways in (``back``), and the neighbours of every node expanded so far."""

    radius: int
    dist: dict[str, int]
    back: dict[str, list[tuple[str, bool]]] = field(default_factory=dict)  # node: (prev, met)
    near: dict[str, list[tuple[str, bool]]] = field(default_factory=dict)  # node: (next, met)

    def routes(self, node: str) -> Iterator[list[tuple[str, bool]]]:
        """Every shortest way from the end to ``node``: (node, met) steps, end first."""
        if not self.back.get(node):
            yield [(node, False)]
            return
        for prev, met in sorted(self.back[node]):
            for way in self.routes(prev):
                yield [*way[:-1], (way[-1][0], met), (node, False)]


def _grow(reads: Reads, balls: list[Ball]) -> None:
    """Widen both balls ring by ring: the nodes at distance < radius are expanded (one query
    per ring for both ends), so every distance up to the radius is exact."""
    for ring in range(max(b.radius for b in balls)):
        todo = sorted(
            {n for b in balls for n, d in b.dist.items() if d == ring and b.radius > ring}
        )
        rows = reads.graph.read(
            query("api/path_neighbours"), {"ids": todo}, timeout_s=READ_TIMEOUT_S
        )
        found: dict[str, list[tuple[str, bool]]] = {}
        for r in rows:
            found.setdefault(r["from"], []).append((r["to"], bool(r["met"])))
        for b in balls:
            for node in todo:
                if b.dist.get(node) != ring or b.radius <= ring:
                    continue
                b.near[node] = found.get(node, [])
                for nxt, met in b.near[node]:
                    d = ring + (2 if met else 1)
                    if d > b.radius or b.dist.get(nxt, d) < d:
                        continue
                    if b.dist.get(nxt, d) > d:  # a shorter way than one seen in this ring
                        b.back[nxt] = []
                    b.dist[nxt] = d
                    b.back.setdefault(nxt, []).append((node, met))


def _cuts(a: Ball, b: Ball, target: str) -> tuple[int | None, list[tuple[str, str | None]]]:
    """The shortest length and where each shortest route crosses from ``a``'s ball into
    ``b``'s: at a node (at distance ``a.radius`` or the target), or on a MET step from a node
    at ``a.radius - 1``. Each route has exactly one such crossing, so none is counted twice."""
    options: list[tuple[int, str, str | None]] = []
    for node, da in a.dist.items():
        if node in b.dist and (da == a.radius or node == target):
            options.append((da + b.dist[node], node, None))
        if da == a.radius - 1:
            for nxt, met in a.near.get(node, []):
                if met and nxt in b.dist:
                    options.append((da + 2 + b.dist[nxt], node, nxt))
    if not options:
        return None, []
    best = min(o[0] for o in options)
    return best, sorted({(n, m) for length, n, m in options if length == best})


def _routes(a: Ball, b: Ball, target: str, limit: int) -> list[list[tuple[str, bool]]]:
    """Up to ``limit`` shortest routes from ``a``'s end to ``target``: (entity, the step to
    the next is a meeting) lists, in a fixed order."""
    _, cuts = _cuts(a, b, target)
    out: list[list[tuple[str, bool]]] = []
    for node, nxt in cuts:
        joint = nxt or node
        for head in a.routes(node):
            if nxt is not None:
                head = [*head[:-1], (node, True), (nxt, False)]
            for tail in b.routes(joint):
                back = list(reversed(tail))  # from the joint to the target
                # reversed, a step's kind sits on the node after it
                steps = [(n, m) for (n, _), (_, m) in pairwise([*back, ("", False)])]
                out.append([*head[:-1], *steps])
                if len(out) >= limit * MAX_PATHS:
                    return out
    return out


def _paths(
    route: list[tuple[str, bool]], details: dict[tuple[str, str, str], list[Any]]
) -> Iterator[tuple[list[dict[str, Any]], list[dict[str, Any]]]]:
    """The relationship paths of one route (each meeting step through each shared event, each
    tie through each of its relationships), as shortest_paths used to return them."""
    steps: list[list[tuple[list[dict[str, Any]], list[dict[str, Any]]]]] = []
    for (x, met), (y, _) in pairwise(route):
        if met:
            items = details.get((x, y, "event"), [])
            steps.append(
                [
                    ([{"kind": "event", "props": i["event"]}], [i["first"], i["second"]])
                    for i in items
                ]
            )
        else:
            steps.append([([], [i]) for i in details.get((x, y, "tie"), [])])
    for combo in product(*steps):
        nodes: list[dict[str, Any]] = [
            {"kind": "entity", "props": details[(route[0][0], "", "entity")][0]}
        ]
        rels: list[dict[str, Any]] = []
        for (mid, step_rels), (y, _) in zip(combo, route[1:], strict=True):
            nodes += [*mid, {"kind": "entity", "props": details[(y, "", "entity")][0]}]
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
    met = sorted({(x, y) for r in routes for (x, m), (y, _) in pairwise(r) if m})
    ties = sorted({(x, y) for r in routes for (x, m), (y, _) in pairwise(r) if not m})
    ids = sorted({n for r in routes for n, _ in r})
    rows = reads.graph.read(
        query("api/path_details"),
        {
            "met": [{"a": x, "b": y} for x, y in met],
            "ties": [{"a": x, "b": y} for x, y in ties],
            "ids": ids,
            "limit": limit,
        },
        timeout_s=READ_TIMEOUT_S,
    )
    details = {(r["a"], r["b"] or "", r["via"]): r["items"] for r in rows}
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
