"""Apply ``cypher/schema.cypher``: constraints, indexes and one-off data migrations, idempotently;
then build the MET summary of a graph written before it existed (``graph/store/summaries.py``).

Run by ``whomet init`` and on API start; running it again changes nothing
because every statement says IF NOT EXISTS (a migration writes only nodes it has not
migrated yet), so a graph loaded by an older version is brought up to date on start.
"""

from __future__ import annotations

from graph.database.cypher import query, statements
from graph.database.db import Graph

INDEX_WAIT_S = 60


def apply_schema(graph: Graph) -> int:
    """Create what is missing, wait until the indexes are online; returns the statement count."""
    steps = statements("schema")
    for statement in steps:
        # Schema commands cannot share a transaction with anything else.
        graph.write_query(statement)
    graph.read(query("server/await_indexes"), {"timeout_s": INDEX_WAIT_S})
    from graph.store.summaries import backfill  # the store builds on this module

    backfill(graph)
    return len(steps)
