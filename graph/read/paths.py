"""Shortest connections between two entities, each step said in words with its evidence."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from graph.database.cypher import query
from graph.read import words
from graph.read.models import EntityRef, PathOut, PathsResponse, PathStep
from graph.read.reads import READ_TIMEOUT_S, Citations, Reads, event_summary

MAX_HOPS = 6  # the literal bound in cypher/api/shortest_paths.cypher
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


def shortest_paths(
    reads: Reads, from_ref: str, to_ref: str, max_hops: int, limit: int
) -> PathsResponse:
    """All shortest paths (up to ``limit``) of at most ``max_hops`` relationships."""
    a, b = reads.resolve(from_ref), reads.resolve(to_ref)
    rows: list[dict[str, Any]] = []
    if a.id != b.id:
        rows = reads.graph.read(
            query("api/shortest_paths"),
            {"from": a.id, "to": b.id, "limit": limit},
            timeout_s=READ_TIMEOUT_S,
        )
    cite = Citations()
    paths = [explain(r["nodes"], r["rels"], cite) for r in rows if len(r["rels"]) <= max_hops]
    cite.resolve(reads.graph)
    return PathsResponse.model_validate({"from": a, "to": b, "max_hops": max_hops, "paths": paths})
