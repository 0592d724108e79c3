"""Cypher a person wrote, run as a read: the one runner of ``/cypher`` and ``whomet query``.

Named statements go through :meth:`Graph.read`; text a person typed goes through here, so
both callers get the same locks before it runs (:func:`guard_text`, the text guard, and
:func:`check_planned`, the planner's verdict), the same READ transaction (the server itself
refuses writes there), the same time limit and the same rows, serialized by
:func:`graph.read.serialize.collect_rows` and cut at the same row and byte budgets. The
driver's errors are raised unchanged, for each caller to answer in its own words (an HTTP
status, a CLI line).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any, LiteralString

from neo4j import Bookmarks, ManagedTransaction, Transaction, unit_of_work

from graph.database.db import Graph
from graph.errors import QueryRefused
from graph.read.cypher_guard import CALLER, check_read_only, normalize_line_ends
from graph.read.cypher_plan import check_plan
from graph.read.serialize import Rows, collect_rows

# Records pulled per round trip: a capped answer stops pulling soon after its cap.
FETCH_SIZE = 100


@dataclass(frozen=True)
class ReadLimits:
    """How far one query may go: rows, seconds on the server, and (optionally) JSON bytes."""

    max_rows: int
    timeout_s: float
    max_bytes: int | None = None


@dataclass(frozen=True)
class QueryPlan:
    """What the planner says a query would do (``EXPLAIN``): its kind and its operators."""

    query_type: str | None
    plan: Mapping[str, Any] | None


def _statement(text: str) -> LiteralString:
    # The one place user text becomes a statement: the caller chose to run it (the API after
    # its guard and planner check, the CLI for the person at the terminal).
    statement: LiteralString = text
    return statement


def read_rows(
    graph: Graph,
    query: str,
    parameters: Mapping[str, Any],
    limits: ReadLimits,
    *,
    bookmarks: Sequence[str] = (),
    retry: bool = False,
) -> Rows:
    """Run ``query`` in a READ transaction timed out at ``limits.timeout_s``; its rows as JSON.

    ``bookmarks`` make a session of another process wait for this one's writes (the API's
    child). With ``retry`` a transient failure is retried as the driver retries any managed
    read (the CLI); without, it is raised at once (the API answers it with 503 and has a
    deadline to keep).
    """
    statement = _statement(query)
    params = dict(parameters)

    def collect(tx: ManagedTransaction | Transaction) -> Rows:
        result = tx.run(statement, params)
        return collect_rows(result, max_rows=limits.max_rows, max_bytes=limits.max_bytes)

    with graph.session(
        read=True,
        fetch_size=FETCH_SIZE,
        bookmarks=Bookmarks.from_raw_values(bookmarks) if bookmarks else None,
    ) as session:
        if retry:
            return session.execute_read(unit_of_work(timeout=limits.timeout_s)(collect))
        with session.begin_transaction(timeout=limits.timeout_s) as tx:
            return collect(tx)


def explain(graph: Graph, query: str, parameters: Mapping[str, Any]) -> QueryPlan:
    """The plan of ``query`` without running it, for a check of what it would do."""
    with graph.session(read=True) as session:
        summary = session.run(_statement("EXPLAIN " + query), dict(parameters)).consume()
    return QueryPlan(summary.query_type, summary.plan)


def _said_by(who: str, exc: QueryRefused) -> QueryRefused:
    """The refusal with ``who`` in place of the API's "this endpoint" (the CLI's own terms)."""
    return QueryRefused(str(exc).replace(CALLER, who, 1)) if who != CALLER else exc


def guard_text(text: str, database: str, *, who: str = CALLER) -> str:
    """The first lock: the text with its line ends made ``\n`` (so what runs is what was
    checked), refused (:class:`QueryRefused`, naming ``who``) when it could write or
    administer."""
    text = normalize_line_ends(text)
    try:
        check_read_only(text, database)
    except QueryRefused as exc:
        raise _said_by(who, exc) from exc
    return text


def check_planned(
    graph: Graph, text: str, parameters: Mapping[str, Any], *, who: str = CALLER
) -> None:
    """The second lock: Neo4j's own plan of ``text`` must be a plain read on ``graph``'s
    database, for what the text guard misreads (:class:`QueryRefused`, naming ``who``)."""
    found = explain(graph, text, parameters)
    try:
        check_plan(found.query_type, found.plan, graph.database)
    except QueryRefused as exc:
        raise _said_by(who, exc) from exc
