"""Run a user's read-only Cypher: guarded, planned, in a READ transaction, timed out, capped.

This is the one place where query text comes from a request, so it is checked by the text
guard (:func:`graph.read.free_query.guard_text`) first, then by Neo4j's own planner
(:func:`graph.read.free_query.check_planned`), and then run in a child process
(:mod:`api.cypher_worker`) where the server itself refuses writes and the API can stop it at
its deadline. The checks, the plan and the rows come from :mod:`graph.read.free_query`, the
runner ``whomet query`` uses too.
"""

from __future__ import annotations

import json
import subprocess
import sys
import threading
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from neo4j import exceptions as neo4j_errors

from api.errors import ApiError
from api.models import CypherOut
from graph.database.db import Graph, translate_errors
from graph.errors import QueryRefused
from graph.read.free_query import check_planned, guard_text
from graph.settings import REPO_ROOT

_INT64 = (-(2**63), 2**63 - 1)
MAX_PARAM_DEPTH = 20
# Queries running at once per API process: the rest answer 503 at once instead of taking
# every worker thread (45 slow queries once made /health wait 90 s).
MAX_CONCURRENT = 4
_SLOTS = threading.BoundedSemaphore(MAX_CONCURRENT)


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


def _check_text(value: Any) -> None:
    """Refuse strings JSON can carry but UTF-8 (and so Bolt) cannot: lone surrogates."""
    if isinstance(value, str):
        try:
            value.encode("utf-8")
        except UnicodeEncodeError as exc:
            raise ApiError(
                422, "invalid_request", f"a parameter holds a lone surrogate ({exc.reason})"
            ) from exc
    elif isinstance(value, Mapping):
        for key, item in value.items():
            _check_text(key)
            _check_text(item)
    elif isinstance(value, list):
        for item in value:
            _check_text(item)


def _refusal(code: str, message: str) -> Exception:
    """The API error for a Neo4j error code raised by a user's query (never a 500)."""
    if code.endswith("Statement.AccessMode") or code.startswith("Neo.ClientError.Security"):
        return QueryRefused(f"refused by the database (read-only transaction): {message}")
    if "TransactionTimedOut" in code or code.endswith("Transaction.Terminated"):
        return ApiError(408, "query_timeout", "the query ran past the server's time limit")
    if "OutOfMemory" in code or code == "whomet.ResultTooLarge":
        # MemoryPoolOutOfMemory (the transaction limit) or the server's own heap or direct
        # memory running out while serving this one query: the query is what is too big.
        return ApiError(
            400, "query_too_large", "the query needs more memory than the server allows one query"
        )
    if code == "whomet.UnrepresentableValue":
        return ApiError(400, "unrepresentable_value", f"a value cannot be returned: {message}")
    if code.startswith("Neo.ClientError") or code.startswith("Neo.DatabaseError.Statement"):
        # The query is the client's own: its runtime errors (substring(-1), an overflowing
        # duration) are the client's to fix, whatever class Neo4j files them under.
        return ApiError(400, "cypher_error", f"{code}: {message}")
    if code.startswith("Neo.TransientError"):
        return ApiError(503, "database_busy", f"{code}: {message}")
    return ApiError(500, "database_error", code or "the database failed the query")


def _explain(graph: Graph, text: str, parameters: Mapping[str, Any]) -> None:
    """Plan ``text`` without running it and refuse it unless the plan is a plain read."""
    try:
        with translate_errors(graph.uri):
            check_planned(graph, text, parameters)
    except neo4j_errors.Neo4jError as exc:
        raise _refusal(exc.code or "", exc.message or str(exc)) from exc


@dataclass(frozen=True)
class WorkerLimits:
    """How far one query may go in its child process."""

    timeout_s: float
    memory_bytes: int = 768 * 2**20
    max_bytes: int = 8 * 2**20
    margin_s: float = 3.0  # start-up of the child and the server's own reaction


def _run_in_worker(
    graph: Graph,
    auth: tuple[str, str],
    text: str,
    parameters: Mapping[str, Any],
    max_rows: int,
    limits: WorkerLimits,
) -> CypherOut:
    request = {
        "uri": graph.uri,
        "user": auth[0],
        "password": auth[1],
        "database": graph.database,
        "query": text,
        "parameters": dict(parameters),
        "max_rows": max_rows,
        "max_bytes": limits.max_bytes,
        "timeout_s": limits.timeout_s,
        "memory_bytes": limits.memory_bytes,
        # Behind a routing URI, the child's read waits for this process's writes.
        "bookmarks": graph.bookmarks(),
    }
    child = subprocess.Popen(
        [sys.executable, "-m", "api.cypher_worker"],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        cwd=REPO_ROOT,
    )
    try:
        out, _ = child.communicate(
            json.dumps(request).encode("utf-8"), timeout=limits.timeout_s + limits.margin_s
        )
    except subprocess.TimeoutExpired:
        child.kill()
        child.communicate()
        raise ApiError(
            408, "query_timeout", f"the query ran past the time limit ({limits.timeout_s:g} s)"
        ) from None
    if not out:
        # Killed by the address-space limit before it could answer (or crashed outright).
        raise _refusal("whomet.ResultTooLarge", "the query's worker stopped")
    answer = json.loads(out)
    if "error" in answer:
        error = answer["error"]
        if error["code"] in ("whomet.Unavailable", "Neo.ClientError.Security.Unauthorized"):
            raise ApiError(503, "database_unavailable", "Neo4j is not reachable; retry later")
        raise _refusal(error["code"], error["message"])
    return CypherOut(**answer["ok"])


def run_read_only(
    graph: Graph,
    text: str,
    parameters: Mapping[str, Any],
    *,
    max_rows: int,
    timeout_s: float,
    auth: tuple[str, str],
    limits: WorkerLimits | None = None,
) -> CypherOut:
    """Run ``text`` as a read and return at most ``max_rows`` rows as JSON values.

    Three locks in turn: the text guard, the planner's verdict, and a READ transaction in a
    child process the API kills at its deadline.
    """
    text = guard_text(text, graph.database)
    _check_text(text)
    _check_text(dict(parameters))
    _check_parameters(dict(parameters))
    _explain(graph, text, parameters)
    if not _SLOTS.acquire(blocking=False):
        raise ApiError(
            503, "too_many_queries", f"{MAX_CONCURRENT} queries are running; retry shortly"
        )
    try:
        return _run_in_worker(
            graph, auth, text, parameters, max_rows, limits or WorkerLimits(timeout_s)
        )
    finally:
        _SLOTS.release()
