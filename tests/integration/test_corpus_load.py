"""``whomet extract --out`` then ``whomet load --extractions``: the graph a direct load gives."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from neo4j import Driver
from typer.testing import CliRunner

from cli.main import app
from tests.support.generated import write_generated
from tests.support.store import rows

pytestmark = pytest.mark.db

runner = CliRunner()


def _run(args: list[str], code: int = 0) -> Any:
    result = runner.invoke(app, args)
    assert result.exit_code == code, result.output
    return result


def _snapshot(driver: Driver) -> dict[str, Any]:
    return {
        "entities": rows(driver, "MATCH (e:Entity) RETURN e.id AS id, e.name AS name ORDER BY id"),
        "events": rows(driver, "MATCH (e:Event) RETURN e.id AS id, e.kind AS kind ORDER BY id"),
        "documents": rows(
            driver,
            "MATCH (d:Document) RETURN d.id AS id, d.content_hash AS h, d.path AS path ORDER BY id",
        ),
        "facts": rows(
            driver,
            "MATCH (a)-[r]->(b) RETURN a.id AS a, type(r) AS t, b.id AS b, r.doc_ids AS docs "
            "ORDER BY a, t, b",
        ),
    }


@pytest.mark.long
def test_load_extractions_gives_the_graph_of_a_direct_load(
    empty_cli_env: None,
    driver: Driver,
    tmp_path: Path,
) -> None:
    articles = tmp_path / "articles"
    write_generated(articles, 12, seed=5)
    out = tmp_path / "extractions"
    _run(["extract", str(articles), "--out", str(out), "--workers", "2", "--partition-size", "5"])

    first = json.loads(_run(["load", "--extractions", str(out), "--json"]).stdout)
    assert [r["status"] for r in first["reports"]] == ["added"] * 12
    assert first["failures"] == []
    via_partitions = _snapshot(driver)
    again = json.loads(_run(["load", "--extractions", str(out), "--json"]).stdout)
    assert [r["status"] for r in again["reports"]] == ["unchanged"] * 12

    driver.execute_query("MATCH (n) DETACH DELETE n")
    _run(["load", str(articles), "--json"])
    assert _snapshot(driver) == via_partitions
    assert len(via_partitions["documents"]) == 12


def test_bad_lines_are_reported_and_the_rest_loaded(
    empty_cli_env: None,
    driver: Driver,
    tmp_path: Path,
) -> None:
    records = tmp_path / "records.jsonl"
    good = {
        "id": "rec-1",
        "url": "https://news.example/1",
        "date": "2026-05-04",
        "title": "Talks in Brandt",
        "text": "Mara Velden of the Orlin Agency met Tomas Greer of Kestrel Systems in Brandt "
        "on May 4, 2026.",
    }
    records.write_text(json.dumps(good) + "\n{broken\n", encoding="utf-8")
    out = tmp_path / "x"
    _run(["extract", str(records), "--out", str(out), "--workers", "1"])
    part = next(out.glob("part-*.jsonl"))
    with part.open("a", encoding="utf-8") as fh:
        fh.write('{"source": "hand-edited", "extractor_version": 3}\n')
    summary = json.loads(_run(["load", "--extractions", str(out), "--json"]).stdout)
    assert [r["doc_id"] for r in summary["reports"]] == ["rec-1"]
    assert len(summary["failures"]) == 2
    assert rows(driver, "MATCH (d:Document) RETURN d.url AS url") == [{"url": good["url"]}]

    part.unlink()
    result = _run(["load", "--extractions", str(out)], code=1)
    assert "partitions missing" in result.output
    _run(["load"], code=2)
