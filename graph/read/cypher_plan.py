"""Let Neo4j's planner say what a user's query would do, and refuse anything but a plain read.

The text guard (:mod:`graph.read.cypher_guard`) is an approximation of Cypher's grammar; the
plan is what the server will actually run. ``EXPLAIN`` plans without executing, so a
query is refused when its plan is not read-only (``queryType`` other than ``r``), runs on
another database, or holds an operator that reaches outside the graph or administers
the server (``LOAD CSV``, ``SHOW``/``TERMINATE``, ``CALL {…} IN TRANSACTIONS``), or calls
a procedure outside :data:`ALLOWED_PROCEDURES`. Neo4j itself reports ``SHOW
TRANSACTIONS``, ``TERMINATE TRANSACTIONS`` and ``LOAD CSV`` as ``r``, hence the
operator check.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from typing import Any

from graph.errors import QueryRefused
from graph.read.cypher_guard import CALLER

# Read-only procedures a question about the graph may call.
ALLOWED_PROCEDURES = frozenset(
    {
        "db.labels",
        "db.relationshipTypes",
        "db.propertyKeys",
        "db.ping",
        "db.schema.visualization",
        "db.schema.nodeTypeProperties",
        "db.schema.relTypeProperties",
        "db.index.fulltext.queryNodes",
        "db.index.fulltext.queryRelationships",
        "db.index.vector.queryNodes",
        "db.index.vector.queryRelationships",
    }
)
# Operators (by name prefix) that read files or URLs, administer, or commit on their own.
REFUSED_OPERATORS: tuple[tuple[str, str], ...] = (
    ("LoadCSV", "reads files or URLs (LOAD CSV)"),
    ("Show", "is an admin command (SHOW)"),
    ("Terminate", "is an admin command (TERMINATE)"),
    ("AdministrationCommand", "is an admin command"),
    ("SystemProcedureCall", "is an admin command"),
    ("Transaction", "runs its own transactions (IN TRANSACTIONS)"),
)
_PROCEDURE = re.compile(r"^\s*`?([\w.`]+?)`?\s*\(")


def operators(plan: Mapping[str, Any]) -> Iterator[tuple[str, str, str]]:
    """(operator, database, details) for every operator of a plan, the root first."""
    name, _, database = str(plan.get("operatorType", "")).partition("@")
    args = plan.get("args") or {}
    yield name, database, str(args.get("Details", ""))
    for child in plan.get("children") or ():
        yield from operators(child)


def procedure_name(details: str) -> str:
    """The procedure a ``ProcedureCall`` calls (``db.labels() :: ...`` -> ``db.labels``)."""
    match = _PROCEDURE.match(details)
    return match.group(1).replace("`", "") if match else details


def check_plan(query_type: str | None, plan: Mapping[str, Any] | None, database: str) -> None:
    """Raise :class:`QueryRefused` unless the planner's answer is a plain read of ``database``."""

    def refuse(what: str) -> QueryRefused:
        return QueryRefused(f"refused by the query planner: {CALLER} only reads, and {what}")

    if query_type != "r":
        kinds = {"w": "writes", "rw": "reads and writes", "s": "changes the schema or the server"}
        raise refuse(f"the plan {kinds.get(query_type or '', 'is not a read')}")
    if plan is None:
        raise refuse("the query has no plan to check")
    for name, on, details in operators(plan):
        if on and on.lower() != database.lower():
            raise refuse(f"the query runs on the database {on!r}")
        for prefix, reason in REFUSED_OPERATORS:
            if name.startswith(prefix):
                raise refuse(f"the query {reason}")
        if name == "ProcedureCall" or name.endswith("ProcedureCall"):
            called = procedure_name(details)
            if called not in ALLOWED_PROCEDURES:
                raise refuse(f"the query calls {called}, which is not on the read allow-list")
