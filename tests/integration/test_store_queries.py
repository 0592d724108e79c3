"""The Browser queries in cypher/queries/ run as written and answer from the loaded graph."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from neo4j import Driver

from graph.database.cypher import CYPHER_DIR, query
from graph.database.db import Graph
from graph.database.schema import apply_schema
from graph.settings import Settings
from graph.store.graph_store import GraphStore
from tests.support.store import doc_a, doc_b

pytestmark = pytest.mark.db


@pytest.fixture(scope="module")
def loaded(driver: Driver, neo4j_settings: Settings, graph: Graph) -> Iterator[Graph]:
    apply_schema(graph)
    driver.execute_query("MATCH (n) DETACH DELETE n", database_=neo4j_settings.neo4j_database)
    store = GraphStore(Graph(driver, neo4j_settings.neo4j_database, neo4j_settings.neo4j_uri))
    store.load(doc_a())
    store.load(doc_b())
    yield graph


def _run(graph: Graph, file: str, **params: Any) -> list[dict[str, Any]]:
    return graph.read(query(f"queries/{file}"), params)


def test_every_query_file_says_how_to_run_it() -> None:
    files = sorted((CYPHER_DIR / "queries").glob("*.cypher"))
    assert len(files) >= 4
    for f in files:
        head = f.read_text(encoding="utf-8").splitlines()[0]
        assert head.startswith("//"), f
        text = f.read_text(encoding="utf-8")
        assert "7474/browser" in text, f
        for param in sorted(set(_params(text))):
            assert f":param {param} =>" in text, (f, param)


def _params(text: str) -> list[str]:
    import re

    body = "\n".join(ln for ln in text.splitlines() if not ln.lstrip().startswith("//"))
    return re.findall(r"\$([A-Za-z_]\w*)", body)


def test_who_met_whom(loaded: Graph) -> None:
    rows = _run(loaded, "who_met_whom")
    pairs = {frozenset((r["who"], r["met"])) for r in rows}
    assert frozenset(("Ministry of Science and ICT", "OpenAI")) in pairs
    assert frozenset(("Sasha Baker", "Ministry of Science and ICT")) in pairs
    assert frozenset(("National Intelligence Service", "OpenAI")) in pairs
    assert all(r["date"] == "2026-05-18" for r in rows)
    assert all(r["evidence"] for r in rows)


def test_whom_did_x_meet_by_acronym(loaded: Graph) -> None:
    rows = _run(loaded, "whom_did_x_meet", name="MSIT")
    assert {r["met"] for r in rows} == {"OpenAI", "Sasha Baker", "National Intelligence Service"}
    openai = next(r for r in rows if r["met"] == "OpenAI")
    assert len(openai["evidence"]) == 2  # both outlets


def test_affiliations(loaded: Graph) -> None:
    rows = _run(loaded, "affiliations", name="Sasha Baker")
    assert [(r["relation"], r["other"], r["title"]) for r in rows] == [
        ("REPRESENTS", "OpenAI", "head of national security policy")
    ]


def test_paths_between(loaded: Graph) -> None:
    rows = _run(loaded, "paths_between", **{"from": "Sasha Baker", "to": "NIS"})
    assert rows, "Baker and the NIS attended the same workshop"


def test_document_facts(loaded: Graph) -> None:
    rows = _run(loaded, "document_facts", doc_id="doc-b")
    text = doc_b().document.text
    assert {r["fact"] for r in rows} == {"HOSTED", "ATTENDED"}
    for r in rows:
        assert text[r["start"] : r["end"]] == r["sentence"]
