"""Run one user query in a child process that the API can kill and whose memory is capped.

Neo4j checks its transaction timeout between evaluations, not inside one: a single
expression (``reduce`` over a long range) runs on past the limit, and one huge value
(``range(1, 10^8)``) arrives as one Bolt record the driver must hold whole. Run in the
API's own process, either would hold a worker thread for minutes and grow the API by
gigabytes. Here the API waits at most its deadline, then kills this process (the closed
connection ends the transaction on the server); the address-space limit stops one
oversized record; the answer is cut at a byte budget, so what comes back is bounded.

Protocol: one JSON request on stdin, one JSON answer on stdout
(``{"ok": CypherOut}`` or ``{"error": {"code", "message"}}``).
"""

from __future__ import annotations

import json
import resource
import sys
from typing import Any

from neo4j import GraphDatabase
from neo4j import exceptions as neo4j_errors

from graph.database.db import Graph
from graph.read.free_query import ReadLimits, read_rows


def run(request: dict[str, Any]) -> dict[str, Any]:
    """Run the request's query and return its rows, cut at ``max_rows`` and ``max_bytes``."""
    limits = ReadLimits(request["max_rows"], request["timeout_s"], request["max_bytes"])
    with GraphDatabase.driver(
        request["uri"], auth=(request["user"], request["password"]), max_connection_pool_size=1
    ) as driver:
        graph = Graph(driver, request["database"], request["uri"])
        # The query was checked by the guard and the planner in the API's process.
        got = read_rows(
            graph,
            request["query"],
            request["parameters"],
            limits,
            bookmarks=request.get("bookmarks") or (),
        )
    return {
        "columns": got.columns,
        "rows": got.rows,
        "row_count": len(got.rows),
        "truncated": got.truncated,
    }


def main() -> int:
    request = json.loads(sys.stdin.buffer.read())
    limit = int(request["memory_bytes"])
    resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    try:
        answer: dict[str, Any] = {"ok": run(request)}
    except neo4j_errors.Neo4jError as exc:
        answer = {"error": {"code": exc.code or "", "message": exc.message or str(exc)}}
    except neo4j_errors.BrokenRecordError as exc:  # a value Python cannot hold (year 10^8)
        cause = exc.__cause__ or exc
        answer = {"error": {"code": "whomet.UnrepresentableValue", "message": str(cause)[:500]}}
    except neo4j_errors.DriverError as exc:  # the server went away: the API answers 503
        answer = {"error": {"code": "whomet.Unavailable", "message": repr(exc)[:300]}}
    except MemoryError:
        answer = {"error": {"code": "whomet.ResultTooLarge", "message": "result too large"}}
    except (ValueError, OverflowError) as exc:  # a value the driver cannot hold (year 10^12)
        answer = {"error": {"code": "whomet.UnrepresentableValue", "message": str(exc)[:500]}}
    sys.stdout.write(json.dumps(answer, ensure_ascii=False, allow_nan=False))
    sys.stdout.flush()
    return 0


if __name__ == "__main__":
    sys.exit(main())
