"""The statements in ``cypher/``: each one lives in one file only (a copy drifts from its twin)."""

from __future__ import annotations

import re
from collections import defaultdict
from pathlib import Path

from graph.database.cypher import CYPHER_DIR


def normalized_statements(path: Path) -> list[str]:
    """The file's statements (split on ``;`` at line ends, as ``graph.database.cypher.statements``
    does), with ``//`` comment lines dropped and runs of whitespace made one space."""
    lines = path.read_text(encoding="utf-8").splitlines()
    kept = "\n".join(ln for ln in lines if not ln.strip().startswith("//"))
    parts = re.split(r";\s*$", kept, flags=re.MULTILINE)
    return [re.sub(r"\s+", " ", p).strip() for p in parts if p.strip()]


def duplicates(root: Path) -> list[list[str]]:
    """Groups of two or more ``.cypher`` files under ``root`` that hold the same statement."""
    files_of: dict[str, set[str]] = defaultdict(set)
    for path in sorted(root.rglob("*.cypher")):
        for statement in normalized_statements(path):
            files_of[statement].add(path.relative_to(root).as_posix())
    return sorted(sorted(names) for names in files_of.values() if len(names) > 1)


def test_no_two_cypher_files_hold_the_same_statement() -> None:
    assert len(list(CYPHER_DIR.rglob("*.cypher"))) > 50, CYPHER_DIR
    assert duplicates(CYPHER_DIR) == []


def test_a_copy_differing_in_comments_and_spacing_is_found(tmp_path: Path) -> None:
    (tmp_path / "api").mkdir()
    (tmp_path / "store").mkdir()
    (tmp_path / "api" / "count.cypher").write_text(
        "// Nodes, counted.\nMATCH (n)\nRETURN count(n) AS n\n", encoding="utf-8"
    )
    (tmp_path / "store" / "count.cypher").write_text(
        "// Every node.\n  // (for stats)\nMATCH (n)   RETURN\n\tcount(n) AS n", encoding="utf-8"
    )
    (tmp_path / "store" / "other.cypher").write_text("MATCH (n) RETURN n", encoding="utf-8")
    assert duplicates(tmp_path) == [["api/count.cypher", "store/count.cypher"]]


def test_a_statement_repeated_inside_a_multi_statement_file_is_found(tmp_path: Path) -> None:
    (tmp_path / "schema.cypher").write_text(
        "// Keys.\nCREATE INDEX a IF NOT EXISTS FOR (n:A) ON (n.id);\n"
        "CREATE INDEX b IF NOT EXISTS FOR (n:B) ON (n.id);\n",
        encoding="utf-8",
    )
    (tmp_path / "indexes.cypher").write_text(
        "CREATE INDEX b  IF NOT EXISTS\n  FOR (n:B) ON (n.id)\n", encoding="utf-8"
    )
    assert duplicates(tmp_path) == [["indexes.cypher", "schema.cypher"]]
