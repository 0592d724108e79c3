"""Run a user's read-only Cypher: guarded, in a READ transaction, timed out, row-capped.

This is the one place where query text comes from a request, so it is checked by
:func:`api.cypher_guard.check_read_only` first and then run where the server
itself refuses writes. Rows past the cap are never fetched: the driver pulls
``cap + 1`` records and the rest are discarded when the transaction ends.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, LiteralString

from neo4j import Transaction
from neo4j import exceptions as neo4j_errors

from api.cypher_guard import check_read_only
from api.errors import ApiError
from api.models import CypherOut
from api.serialize import to_json
from graph.db import Graph, translate_errors
from graph.errors import QueryRefused

_INT64 = (-(2**63), 2**63 - 1)
MAX_PARAM_DEPTH = 20


def _check_parameters(value: Any, depth: int = 0) -> None:
    """Refuse what Bolt cannot carry (integers over 64 bits, very deep nesting) as a 400."""
    if depth > MAX_PARAM_DEPTH:
        raise ApiError(400, "bad_parameters", f"parameters nest deeper than {MAX_PARAM_DEPTH}")
    if isinstance(value, bool):
        return
    if isinstance(value, int) and not _INT64[0] <= value <= _INT64[1]:
        raise ApiError(400, "bad_parameters", f"integer parameter {value} does not fit in 64 bits")
    if isinstance(value, Mapping):
        for item in value.values():
            _check_parameters(item, depth + 1)
    elif isinstance(value, list):
        for item in value:
            _check_parameters(item, depth + 1)


def _refusal(exc: neo4j_errors.Neo4jError) -> Exception:
    code = exc.code or ""
    message = exc.message or str(exc)
    if code.endswith("Statement.AccessMode") or code.startswith("Neo.ClientError.Security"):
        return QueryRefused(f"refused by the database (read-only transaction): {message}")
    if "TransactionTimedOut" in code:
        return ApiError(400, "query_timeout", "the query ran past the server's time limit")
    if code.startswith("Neo.ClientError"):
        return ApiError(400, "cypher_error", message)
    if "MemoryPoolOutOfMemory" in code:
        return ApiError(
            400, "query_too_large", "the query needs more memory than the server allows one query"
        )
    return exc


def run_read_only(
    graph: Graph,
    text: str,
    parameters: Mapping[str, Any],
    *,
    max_rows: int,
    timeout_s: float,
) -> CypherOut:
    """Run ``text`` as a read and return at most ``max_rows`` rows as JSON values."""
    check_read_only(text, graph.database)
    _check_parameters(dict(parameters))
    # The request's text is the query by design here; the guard above is its allow-check.
    statement: LiteralString = text  # type: ignore[assignment, unused-ignore]

    def work(tx: Transaction) -> CypherOut:
        result = tx.run(statement, dict(parameters))
        columns = list(result.keys())
        rows: list[dict[str, Any]] = []
        truncated = False
        for record in result:
            if len(rows) >= max_rows:
                truncated = True
                break
            rows.append({key: to_json(record[key]) for key in columns})
        return CypherOut(columns=columns, rows=rows, row_count=len(rows), truncated=truncated)

    try:
        with (
            translate_errors(graph.uri),
            graph.session(read=True, fetch_size=max_rows + 1) as session,
            # One attempt, never retried: a query that ran out of memory or time would
            # only do so again, and a hostile one would get its load multiplied.
            session.begin_transaction(timeout=timeout_s) as tx,
        ):
            return work(tx)
    except neo4j_errors.Neo4jError as exc:
        raise _refusal(exc) from exc
