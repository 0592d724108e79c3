"""The graph's version: a cheap read that every committed write changes.

Answers worth keeping until the graph changes (the API's analytics) are keyed by it; reading it
costs a few milliseconds (``cypher/api/graph_version.cypher``: counts from the count store, the
newest load, correction and merge from their indexes).
"""

from __future__ import annotations

from typing import Any

from graph.database.cypher import query
from graph.database.db import Graph


def graph_version(graph: Graph) -> tuple[Any, ...]:
    """A hashable value that is equal for two reads only when no write came in between
    (the server and database are part of it, so two graphs never share a version)."""
    row = graph.read(query("api/graph_version"))[0]
    return (
        (graph.uri, graph.database),
        row["nodes"],
        row["relationships"],
        tuple(str(v) for v in row["loaded"]),
        tuple(str(v) for v in row["corrected"]),
        tuple(str(v) for v in row["merged"]),
    )
