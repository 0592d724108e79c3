"""Shortest connections between two entities, each step said in words with its evidence."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from itertools import pairwise, product
from typing import Any

from graph.database.cypher import query
from graph.read import words
from graph.read.models import EntityRef, PathOut, PathsResponse, PathStep
from graph.read.reads import (
    READ_TIMEOUT_S,
    Citations,
    Reads,
    Row,
    event_summary,
    ref_params,
    ref_text,
)

MAX_HOPS = 6  # the widest search /paths allows
MAX_PATHS = 20
# A widening also reads the other ball's next ring when that costs at most this many rows and
# the search has room for it: one round trip for the two widenings a bidirectional search
# mostly does in turn (an unused ring is at most this many rows read for nothing).
ALSO_ROWS = 5_000


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

    radius: int  # distances up to it are exact
    dist: dict[str, int]
    back: dict[str, list[Step]] = field(default_factory=dict)  # node: (prev, met, rel)
    near: dict[str, list[Step]] = field(default_factory=dict)  # node: (next, met, rel)
    degree: dict[str, int] = field(default_factory=dict)  # node: its ties and MET

    def ring(self) -> list[str]:
        """The nodes at the radius: those the next widening expands."""
        return sorted(n for n, d in self.dist.items() if d == self.radius)

    def cost(self) -> int:
        """Rows the next widening reads: the degrees of the nodes at the radius."""
        return sum(self.degree.get(n, 1) for n in self.ring())

    def routes(self, node: str) -> Iterator[list[Step]]:
        """Every shortest way from the end to ``node``, end first; the last step is empty."""
        if not self.back.get(node):
            yield [(node, False, "")]
            return
        for prev, met, rel in sorted(self.back[node]):
            for way in self.routes(prev):
                yield [*way[:-1], (prev, met, rel), (node, False, "")]


def _grow(reads: Reads, ball: Ball, known: dict[str, list[Row]], also: Iterable[str] = ()) -> None:
    """Widen ``ball`` by one hop: expand the nodes at its radius (one query for those whose
    neighbours ``known`` does not hold yet, which also reads the nodes ``also``, the other
    ball's ring; ``known`` keeps what it returns). Distances up to the new radius are then
    exact (a tie adds one hop, a meeting two)."""
    ring = ball.radius
    todo = ball.ring()
    missing = [n for n in todo if n not in known]
    if missing:  # the other ball's ring only with a read that is sent anyway
        missing = sorted({*missing, *(n for n in also if n not in known)})
        rows = reads.graph.read(
            query("api/path_neighbours"), {"ids": missing}, timeout_s=READ_TIMEOUT_S
        )
        _keep(known, missing, rows)
    for node in todo:
        ball.near[node] = []
        for r in known[node]:
            ball.near[node].append((r["to"], bool(r["met"]), r["rel"]))
            ball.degree[r["to"]] = int(r["degree"])
        for nxt, met, rel in ball.near[node]:
            d = ring + (2 if met else 1)
            if ball.dist.get(nxt, d) < d:
                continue
            if ball.dist.get(nxt, d) > d:  # a shorter way than one seen before
                ball.back[nxt] = []
            ball.dist[nxt] = d
            ball.back.setdefault(nxt, []).append((node, met, rel))
    ball.radius += 1


def _keep(known: dict[str, list[Row]], ids: Iterable[str], rows: Iterable[Row]) -> None:
    """``path_neighbours`` rows (``from``, ``to``, ``met``, ``rel``, ``degree``) of ``ids``,
    filed by ``from``; an id without rows has no neighbours."""
    for node in ids:
        known.setdefault(node, [])
    for r in rows:
        known[r["from"]].append(r)


def _cuts(a: Ball, b: Ball, target: str) -> tuple[int, list[tuple[str, Step | None]]]:
    """The shortest length, if it is at most ``a.radius + b.radius``, and where each shortest
    route crosses from ``a``'s ball into ``b``'s: at a node (at distance ``a.radius``, or the
    target), or on a MET step from a node at ``a.radius - 1``. Every path of at most that
    length crosses so, exactly once, so each shortest one is found once (none: ``(0, [])``)."""
    inside = {n: d for n, d in b.dist.items() if d <= b.radius}
    options: list[tuple[int, str, Step | None]] = []
    for node, da in a.dist.items():
        if node in inside and (da == a.radius or (node == target and da <= a.radius)):
            options.append((da + inside[node], node, None))
        if da == a.radius - 1:
            for step in a.near.get(node, []):
                if step[1] and step[0] in inside:
                    options.append((da + 2 + inside[step[0]], node, step))
    best = min((o[0] for o in options), default=0)
    if not options or best > a.radius + b.radius:
        return 0, []
    return best, sorted({(n, s) for length, n, s in options if length == best}, key=str)


def _routes(a: Ball, b: Ball, target: str, limit: int) -> list[list[Step]]:
    """Up to ``limit`` shortest routes from ``a``'s end to ``target``, in a fixed order."""
    out: list[list[Step]] = []
    for node, edge in _cuts(a, b, target)[1]:
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


def search(
    reads: Reads,
    a: str,
    b: str,
    max_hops: int,
    limit: int,
    cite: Citations | None = None,
    known: dict[str, list[Row]] | None = None,
) -> list[dict[str, Any]]:
    """All shortest paths (up to ``limit``) of at most ``max_hops`` relationships between two
    entities: a ball around each end, over ties and the MET summary (a meeting is one MET
    relationship, not every event of a busy entity), widened one hop at a time on the side
    with fewer relationships to read until the two balls certify the shortest length (or their radii
    reach ``max_hops``); then only the shortest routes' steps are read. ``known``: neighbours
    already read (``path_neighbours`` rows by node, e.g. both ends' from ``path_start``),
    which no widening reads again."""
    known = {} if known is None else known
    ball_a, ball_b = Ball(0, {a: 0}), Ball(0, {b: 0})
    while not _cuts(ball_a, ball_b, b)[1]:
        if ball_a.radius + ball_b.radius >= max_hops:
            return []
        # widen the cheaper side (the fewer relationships to read), as a bidirectional search does
        near, far = (ball_a, ball_b) if ball_a.cost() <= ball_b.cost() else (ball_b, ball_a)
        # and read the other side's next ring with it when it is small and may be needed
        room = near.radius + 1 + far.radius < max_hops
        _grow(reads, near, known, far.ring() if room and far.cost() <= ALSO_ROWS else ())
    routes = _routes(ball_a, ball_b, b, limit)
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
    if cite is not None:  # the documents the steps' evidence cites came with them
        for r in rows:
            cite.known(r["documents"])
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
    """All shortest paths (up to ``limit``) of at most ``max_hops`` relationships. The look-up
    of both ends and the first ring around each are one statement (``api/path_start``): each
    ball's cost is unknown until its first ring is read, so the search widens the ``from`` end
    and then the ``to`` end first (unless ``max_hops`` or a tie between them ends it sooner)."""
    texts = [ref_text(from_ref), ref_text(to_ref)]
    head = reads.graph.read(
        query("api/path_start"),
        {"refs": [ref_params(t) for t in texts]},
        timeout_s=READ_TIMEOUT_S,
    )[0]
    a, b = reads.pick_refs(texts, head["found"])
    cite = Citations()
    rows: list[dict[str, Any]] = []
    if a.id != b.id:
        known: dict[str, list[Row]] = {}
        _keep(known, [a.id, b.id], head["near"])
        rows = search(reads, a.id, b.id, max_hops, limit, cite, known)
    paths = [explain(r["nodes"], r["rels"], cite) for r in rows]
    cite.resolve(reads.graph)
    return PathsResponse.model_validate({"from": a, "to": b, "max_hops": max_hops, "paths": paths})
