"""Named Cypher statements, read from ``cypher/*.cypher`` files.

Query text never comes from user input: callers name a file, and values travel
as parameters. ``WHOMET_CYPHER_DIR`` points elsewhere (an installed copy).
"""

from __future__ import annotations

import os
import re
from functools import cache
from pathlib import Path
from typing import LiteralString, cast

from graph.errors import WhometError

CYPHER_DIR = Path(
    os.environ.get("WHOMET_CYPHER_DIR", Path(__file__).resolve().parents[2] / "cypher")
)
_NAME = re.compile(r"^[a-z0-9_]+(/[a-z0-9_]+)*$")


@cache
def query(name: str) -> LiteralString:
    """The text of ``cypher/<name>.cypher`` (``name`` may hold ``/`` for subfolders)."""
    if not _NAME.match(name):
        raise WhometError(f"not a query name: {name!r}")
    path = CYPHER_DIR / f"{name}.cypher"
    if not path.is_file():
        raise WhometError(f"no query file {path}")
    # mypy reads LiteralString as str; the file text is trusted query text, not user input.
    return path.read_text(encoding="utf-8")


def statements(name: str) -> list[LiteralString]:
    """The statements of a multi-statement file (split on ``;`` at line ends), comments dropped."""
    text = query(name)
    lines = [ln for ln in text.splitlines() if not ln.strip().startswith("//")]
    parts = re.split(r";\s*$", "\n".join(lines), flags=re.MULTILINE)
    return [cast(LiteralString, p.strip()) for p in parts if p.strip()]
