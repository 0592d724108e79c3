"""``whomet load/remove/merge/stats/query`` on short fixture documents, through the real
reader and extractor."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from neo4j import Driver
from typer.testing import CliRunner

from cli.main import app
from tests.support.feed_server import FeedServer
from tests.support.feed_server import Page as WebPage
from tests.support.store import rows

pytestmark = pytest.mark.db

DOC_A = """---
title: Seoul and OpenAI hold security talks
published: 2026-05-19
---
The Ministry of Science and ICT (MSIT) said on Monday that it held talks with OpenAI in Seoul \
on May 18, 2026, to discuss AI security. Jane Doe, OpenAI's head of policy, attended the talks.
"""
DOC_B = """Officials of MSIT met Anthropic executives in Seoul on May 11, 2026.
"""
DOC_C = """The Ministry of Science & ICT met Anthropic executives in Seoul on May 11, 2026.
"""

runner = CliRunner()


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    (tmp_path / "nested").mkdir()
    (tmp_path / "a.md").write_text(DOC_A, encoding="utf-8")
    (tmp_path / "nested" / "b.txt").write_text(DOC_B, encoding="utf-8")
    (tmp_path / "nested" / "c.txt").write_text(DOC_C, encoding="utf-8")
    (tmp_path / "notes.csv").write_text("not,an,article\n", encoding="utf-8")
    return tmp_path


def _json(args: list[str]) -> Any:
    result = runner.invoke(app, args)
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def test_load_folder_resolves_one_ministry_across_forms(
    empty_cli_env: None, corpus: Path, driver: Driver
) -> None:
    summary = _json(["load", str(corpus), "--json"])
    assert [r["status"] for r in summary["reports"]] == ["added"] * 3
    assert summary["failures"] == []
    ministry = rows(
        driver,
        "MATCH (e:Entity) WHERE 'msit' IN e.norm_names RETURN e.name AS name, e.aliases AS al, "
        "COLLECT { MATCH (d:Document)-[:MENTIONS]->(e) RETURN d.path } AS paths",
    )
    assert len(ministry) == 1
    assert ministry[0]["name"] == "Ministry of Science and ICT"
    assert {Path(p).name for p in ministry[0]["paths"]} == {"a.md", "b.txt", "c.txt"}
    # b and c report one meeting (same day, same parties): one event, two sources.
    hosted = rows(
        driver,
        "MATCH (e:Entity)-[r:HOSTED|ATTENDED]->(ev:Event {date: date('2026-05-11')}) "
        "RETURN e.name AS who, size(r.doc_ids) AS sources",
    )
    assert {h["who"] for h in hosted} >= {"Ministry of Science and ICT", "Anthropic"}
    assert all(h["sources"] == 2 for h in hosted)

    again = runner.invoke(app, ["load", str(corpus)])
    assert again.exit_code == 0, again.output
    assert "3 unchanged" in again.stdout


def test_stats_query_and_read_only_refusal(empty_cli_env: None, corpus: Path) -> None:
    loaded = runner.invoke(app, ["load", str(corpus), "--workers", "3"])
    assert loaded.exit_code == 0, loaded.output
    assert "3 added" in loaded.stdout
    stats = _json(["stats", "--json"])
    assert stats["labels"]["Document"] == 3
    assert stats["relationships"]["MENTIONS"] >= 5
    whom = Path(__file__).resolve().parents[2] / "cypher" / "queries" / "whom_did_x_meet.cypher"
    met = _json(["query", whom.read_text(encoding="utf-8"), "--param", "name=MSIT", "--json"])
    assert {"OpenAI", "Anthropic"} <= {r["met"] for r in met["rows"]}
    limited = _json(["query", "MATCH (d:Document) RETURN d.id AS id", "--limit", "2", "--json"])
    assert len(limited["rows"]) == 2 and limited["truncated"] is True
    table = runner.invoke(app, ["query", "MATCH (e:Entity) RETURN e.name AS name"])
    assert table.exit_code == 0 and "OpenAI" in table.stdout
    refused = runner.invoke(app, ["query", "CREATE (n:Intruder) RETURN n"])
    assert refused.exit_code == 1
    assert "refused" in refused.output
    bad = runner.invoke(app, ["query", "RETURN 1", "--param", "novalue"])
    assert bad.exit_code == 2


def test_corrected_file_replaces_and_remove_takes_it_away(
    empty_cli_env: None, corpus: Path, driver: Driver
) -> None:
    result = runner.invoke(app, ["load", str(corpus), "--id-from-name"])
    assert result.exit_code == 0, result.output
    (corpus / "a.md").write_text(DOC_A.replace("head of policy", "chief of staff"), "utf-8")
    result = runner.invoke(app, ["load", str(corpus / "a.md"), "--id-from-name"])
    assert result.exit_code == 0, result.output
    assert "replaced" in result.stdout
    assert "chief of staff" in result.stdout and "head of policy" in result.stdout
    titles = rows(driver, "MATCH (:Person)-[r:REPRESENTS]->() RETURN r.title AS t")
    assert titles == [{"t": "chief of staff"}]

    removed = runner.invoke(app, ["remove", "a"])
    assert removed.exit_code == 0, removed.output
    assert rows(driver, "MATCH (p:Person) RETURN p") == []
    assert rows(driver, "MATCH (d:Document {id: 'a'}) RETURN d") == []
    missing = runner.invoke(app, ["remove", "a"])
    assert missing.exit_code == 1 and "no document" in missing.output


def test_merge_command(empty_cli_env: None, corpus: Path, driver: Driver) -> None:
    assert runner.invoke(app, ["load", str(corpus)]).exit_code == 0
    events = sorted(r["id"] for r in rows(driver, "MATCH (e:Event) RETURN e.id AS id"))
    assert len(events) == 2
    result = runner.invoke(app, ["merge", events[0], events[1]])
    assert result.exit_code == 0, result.output
    assert "recorded" in result.stdout
    assert [r["id"] for r in rows(driver, "MATCH (e:Event) RETURN e.id AS id")] == [events[0]]
    unknown = runner.invoke(app, ["merge", events[0], "per:nobody"])
    assert unknown.exit_code == 1 and "per:nobody" in unknown.output


def test_load_reports_bad_files_and_keeps_going(empty_cli_env: None, tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_text("   \n", encoding="utf-8")
    (tmp_path / "b.txt").write_text(DOC_B, encoding="utf-8")
    result = runner.invoke(app, ["load", str(tmp_path)])
    assert result.exit_code == 0, result.output
    assert "1 added" in result.stdout and "1 failed" in result.stdout
    assert "empty.txt" in result.output
    missing = runner.invoke(app, ["load", str(tmp_path / "nope")])
    assert missing.exit_code == 1 and "no such file" in missing.output


def test_merge_by_name_and_stats_without_bookkeeping(
    empty_cli_env: None, corpus: Path, driver: Driver
) -> None:
    assert runner.invoke(app, ["load", str(corpus)]).exit_code == 0
    names = rows(driver, "MATCH (e:Entity) RETURN e.id AS id, e.name AS name ORDER BY e.id")
    keep, drop = names[0], names[1]
    result = runner.invoke(app, ["merge", keep["name"], drop["name"]])
    assert result.exit_code == 0, result.output
    assert drop["id"] in result.stdout and keep["id"] in result.stdout
    assert rows(driver, "MATCH (e:Entity {id: $id}) RETURN e", id=drop["id"]) == []
    user = _json(["stats", "--json"])
    bookkeeping = {"NameKey", "WriteLock", "MergeRecord", "Correction", "MetTally"}
    assert not bookkeeping & user["labels"].keys(), user["labels"]
    assert user["labels"]["Entity"] == len(names) - 1
    everything = _json(["stats", "--json", "--all"])
    assert everything["labels"]["MergeRecord"] == 1
    # The MET summary's tallies (added after this command) are bookkeeping too.
    assert everything["labels"]["MetTally"] >= 1


def test_correction_commands(empty_cli_env: None, corpus: Path, driver: Driver) -> None:
    assert runner.invoke(app, ["load", str(corpus)]).exit_code == 0
    renamed = _json(["rename", "MSIT", "Science Ministry", "--json"])
    assert renamed["kind"] == "rename" and renamed["name"] == "Science Ministry"
    name = rows(driver, "MATCH (e:Entity {id: $id}) RETURN e.name AS n", id=renamed["entity_id"])
    assert name == [{"n": "Science Ministry"}]
    [fact] = rows(
        driver,
        "MATCH (e:Entity)-[:ATTENDED]->(ev:Event) RETURN e.id AS e, ev.id AS ev ORDER BY e LIMIT 1",
    )
    marked = runner.invoke(app, ["mark-wrong", "attended", fact["e"], fact["ev"]])
    assert marked.exit_code == 0 and "marked wrong" in marked.stdout, marked.output
    hidden = "MATCH (:Entity {id: $e})-[r:ATTENDED]->(:Event {id: $ev}) RETURN r"
    assert rows(driver, hidden, **fact) == []
    listed = _json(["corrections", "--json"])
    assert sorted(c["kind"] for c in listed) == ["rename", "wrong"]
    undone = runner.invoke(app, ["mark-wrong", "ATTENDED", fact["e"], fact["ev"], "--undo"])
    assert undone.exit_code == 0 and "restored" in undone.stdout, undone.output
    assert len(rows(driver, hidden, **fact)) == 1
    again = runner.invoke(app, ["mark-wrong", "ATTENDED", fact["e"], fact["ev"], "--undo"])
    assert again.exit_code == 1 and "marked wrong" in again.output
    nothing = runner.invoke(app, ["split-alias", "OpenAI", "Not A Name"])
    assert nothing.exit_code == 1 and "not called" in nothing.output


def test_remove_entity_command(empty_cli_env: None, corpus: Path, driver: Driver) -> None:
    assert runner.invoke(app, ["load", str(corpus)]).exit_code == 0
    gone = "MATCH (e:Removed) RETURN e.id AS id"
    [anthropic] = rows(driver, "MATCH (e:Entity {name: 'Anthropic'}) RETURN e.id AS id")
    removed = _json(["remove-entity", "anthropic", "--json"])
    assert (removed["id"], removed["removed"]) == (anthropic["id"], True)
    assert rows(driver, gone) == [anthropic]
    again = runner.invoke(app, ["remove-entity", "Anthropic"])  # found among the removed
    assert again.exit_code == 0 and f"removed {anthropic['id']}" in again.stdout, again.output
    assert [c["kind"] for c in _json(["corrections", "--json"])] == ["remove"]
    assert runner.invoke(app, ["load", str(corpus), "--force"]).exit_code == 0
    assert rows(driver, gone) == [anthropic]
    restored = runner.invoke(app, ["remove-entity", "Anthropic", "--undo"])
    assert restored.exit_code == 0 and "restored" in restored.stdout, restored.output
    assert rows(driver, gone) == [] and _json(["corrections", "--json"]) == []
    twice = runner.invoke(app, ["remove-entity", "Anthropic", "--undo"])
    assert twice.exit_code == 1 and "no removed entity" in twice.output, twice.output
    unknown = runner.invoke(app, ["remove-entity", "Anthropik"])
    assert unknown.exit_code == 1 and "Anthropic" in unknown.output, unknown.output


def test_load_takes_urls_and_folders_of_html(
    empty_cli_env: None, tmp_path: Path, driver: Driver
) -> None:
    html = (Path(__file__).resolve().parents[1] / "fixtures" / "page.html").read_bytes()
    site = FeedServer()
    try:
        site.pages["/story"] = WebPage(html)
        url = site.url("/story")
        loaded = _json(["load", url, site.url("/missing"), "--json"])
    finally:
        site.close()
    assert [r["status"] for r in loaded["reports"]] == ["added"]
    assert list(loaded["sources"].values()) == [url]
    assert [f["path"] for f in loaded["failures"]] == [site.url("/missing")]
    stored = rows(driver, "MATCH (d:Document) RETURN d.url AS url, d.title AS title")
    assert stored == [{"url": url, "title": "Regulator meets telecom carriers"}]
    folder = tmp_path / "pages"
    folder.mkdir()
    (folder / "copy.html").write_bytes(html.replace(b"Tuesday", b"Wednesday"))
    again = _json(["load", str(folder), "--json"])
    assert [r["status"] for r in again["reports"]] == ["added"]
    assert len(rows(driver, "MATCH (d:Document) RETURN d.id AS id")) == 2


def test_a_name_that_fits_several_entities_lists_them_in_every_command(
    empty_cli_env: None, tmp_path: Path, driver: Driver
) -> None:
    """Issue 14: ambiguity answers with the candidates everywhere a name is accepted, the CLI
    included; an unknown name gives the closest names. Nothing is changed by either."""
    repo = Path(__file__).resolve().parents[2]
    fixtures = repo / "tests" / "fixtures" / "api"
    # The seed names the Trusted AI Cyber Access Program (TAC), these two the Tallinn
    # Aviation Council (TAC).
    sources = [
        repo / "seeds",
        fixtures / "003_freight_forum.txt",
        fixtures / "005_arvo_briefing.txt",
    ]
    assert runner.invoke(app, ["load", *map(str, sources)]).exit_code == 0
    before = rows(driver, "MATCH (e:Entity) RETURN e.id AS id, e.name AS name ORDER BY e.id")
    tac = [r for r in before if r["name"] in TAC_NAMES]
    assert len(tac) == 2, before
    for args in (
        ["merge", "TAC", tac[0]["id"]],
        ["rename", "TAC", "Some Other Name"],
        ["split-alias", "TAC", "TAC"],
        ["remove-entity", "TAC"],
        ["viz", "--entity", "TAC", "--out", str(tmp_path / "tac.html")],
    ):
        result = runner.invoke(app, args)
        assert result.exit_code == 1, (args, result.output)
        for candidate in tac:
            assert candidate["id"] in result.output, (args, result.output)
    typo = runner.invoke(app, ["rename", "Tallinn Aviation Councel", "Some Other Name"])
    assert typo.exit_code == 1
    assert "closest" in typo.output and "Tallinn Aviation Council" in typo.output, typo.output
    assert rows(driver, "MATCH (e:Entity) RETURN e.id AS id, e.name AS name ORDER BY e.id") == (
        before
    )
    assert not (tmp_path / "tac.html").exists()


TAC_NAMES = {"Trusted AI Cyber Access Program", "Tallinn Aviation Council"}
