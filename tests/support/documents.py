"""The seed articles and tests/fixtures/api/, loaded through the project's own loader (read,
extract, store), for the modules that test reads, pages and views over real extractions."""

from __future__ import annotations

from pathlib import Path

from graph.database.db import Graph
from graph.database.schema import apply_schema
from graph.ingest.loader import load_paths
from graph.settings import REPO_ROOT
from graph.store.graph_store import GraphStore

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "api"
SEEDS = sorted((REPO_ROOT / "seeds").glob("*.txt"))
DOCS = SEEDS + sorted(FIXTURES.glob("*.txt"))


def load_documents(graph: Graph, paths: list[Path]) -> dict[str, str]:
    """Load the files with the project's loader (read, extract, store); file name -> doc id."""
    apply_schema(graph)
    summary = load_paths(paths, GraphStore(graph), progress=False)
    assert not summary.failures, summary.failures
    assert len(summary.reports) == len(paths)
    return {Path(path).name: doc_id for doc_id, path in summary.sources.items()}
