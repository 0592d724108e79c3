"""The read-only checks on their own: line ends the guard must see as Cypher does, and the
verdict on plans shaped as Neo4j 5.26 reports them (``EXPLAIN``'s ``queryType`` and operators).
"""

from __future__ import annotations

from typing import Any

import pytest

from graph.errors import QueryRefused
from graph.read.cypher_guard import check_read_only, normalize_line_ends
from graph.read.cypher_plan import check_plan, procedure_name

# Every character that ends a line for some reader of Cypher; each once hid a call after `//`.
LINE_ENDS = ["\r", "\r\n", "\u2028", "\u2029", "\u0085", "\u000b", "\u000c"]
HIDDEN = [
    "CALL dbms.listConfig() YIELD name RETURN name LIMIT 2",
    "SHOW USERS",
    "TERMINATE TRANSACTIONS 'neo4j-transaction-1'",
    "LOAD CSV FROM 'http://127.0.0.1:1/x' AS l RETURN l",
    "CALL db.clearQueryCaches()",
    "MATCH (n) DETACH DELETE n",
]


@pytest.mark.parametrize("end", LINE_ENDS, ids=[f"U+{ord(e[0]):04X}" for e in LINE_ENDS])
@pytest.mark.parametrize("hidden", HIDDEN)
def test_a_comment_ends_at_every_line_end(end: str, hidden: str) -> None:
    text = normalize_line_ends(f"// harmless{end}{hidden}")
    assert text == f"// harmless\n{hidden}"
    with pytest.raises(QueryRefused):
        check_read_only(text, "neo4j")


def test_text_that_was_not_normalized_is_refused() -> None:
    with pytest.raises(QueryRefused, match="normalize"):
        check_read_only("//\rRETURN 1", "neo4j")


def _plan(*ops: tuple[str, str]) -> dict[str, Any]:
    """A chain of operators, root first, as the driver gives ``summary.plan``."""
    node: dict[str, Any] | None = None
    for name, details in reversed(ops):
        node = {
            "operatorType": name,
            "args": {"Details": details},
            **({"children": [node]} if node else {}),
        }
    assert node is not None
    return node


READ = _plan(("ProduceResults@neo4j", "n"), ("AllNodesScan@neo4j", "n"))
REFUSED_PLANS = {
    "write": ("rw", _plan(("ProduceResults@neo4j", "n"), ("Create@neo4j", "(n)"))),
    "schema": (
        "s",
        _plan(
            ("ProduceResults@neo4j", "value"),
            ("ProcedureCall@neo4j", "db.clearQueryCaches() :: (value :: STRING)"),
        ),
    ),
    "dbms-procedure-as-read": (
        "r",
        _plan(
            ("ProduceResults@neo4j", "name"),
            ("ProcedureCall@neo4j", "dbms.listConfig() :: (name :: STRING)"),
        ),
    ),
    "show-transactions": (
        "r",
        _plan(("ProduceResults@neo4j", "x"), ("ShowTransactions@neo4j", "defaultColumns")),
    ),
    "terminate": (
        "r",
        _plan(("ProduceResults@neo4j", "x"), ("TerminateTransactions@neo4j", "transactions(t)")),
    ),
    "load-csv": ("r", _plan(("ProduceResults@neo4j", "l"), ("LoadCSV@neo4j", "l"))),
    "in-transactions": (
        "r",
        _plan(
            ("ProduceResults@neo4j", "x"),
            ("TransactionApply@neo4j", "IN TRANSACTIONS"),
            ("EmptyRow@neo4j", ""),
        ),
    ),
    "admin": ("s", _plan(("AdministrationCommand@system", ""))),
    "other-database": ("r", _plan(("ProduceResults@other", "n"), ("AllNodesScan@other", "n"))),
    "show-indexes": (
        "r",
        _plan(("ProduceResults@neo4j", "x"), ("ShowIndexes@neo4j", "allIndexes")),
    ),
}


@pytest.mark.parametrize("name", sorted(REFUSED_PLANS))
def test_plans_that_are_not_plain_reads_are_refused(name: str) -> None:
    kind, plan = REFUSED_PLANS[name]
    with pytest.raises(QueryRefused, match="planner"):
        check_plan(kind, plan, "neo4j")


def test_reads_and_allowed_procedures_pass() -> None:
    check_plan("r", READ, "neo4j")
    labels = _plan(
        ("ProduceResults@neo4j", "label"),
        ("ProcedureCall@neo4j", "db.labels() :: (label :: STRING)"),
    )
    check_plan("r", labels, "NEO4J")
    assert procedure_name("db.index.fulltext.queryNodes($a, $b) :: (node :: NODE)") == (
        "db.index.fulltext.queryNodes"
    )
