"""``whomet extract`` prints the typed result or the evaluation schema."""

from __future__ import annotations

import json
from pathlib import Path

import typer
from typer.testing import CliRunner

from cli.extract_cmd import register

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"


def _app() -> typer.Typer:
    app = typer.Typer()
    register(app)

    @app.callback()
    def _root() -> None:  # keeps "extract" a subcommand
        return None

    return app


def test_eval_format_matches_the_schema() -> None:
    result = CliRunner().invoke(
        _app(), ["extract", str(FIXTURES / "harbor_summit.txt"), "--format", "eval"]
    )
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert set(data) == {"entities", "meetings", "affiliations", "boilerplate_starts_at"}
    assert data["boilerplate_starts_at"] == "Subscribe to the Coastal Ledger morning brief"
    names = {e["name"] for e in data["entities"]}
    assert {"Harbor Transit Authority", "Ostrava Shipping", "Elin Sandberg"} <= names
    assert "Brightwater Ferries" in names
    meeting = data["meetings"][0]
    assert meeting["status"] == "held" and meeting["date"] == "2026-05-06"
    assert "Brightwater Ferries" not in meeting["participants"]
    assert {"Kwon Tae-min", "Rosa Ibarra", "Kelvane Logistics"} <= set(meeting["participants"])
    pairs = {(a["person"], a["org"]) for a in data["affiliations"]}
    assert ("Kwon Tae-min", "Ostrava Shipping") in pairs


def test_json_format_and_bad_file() -> None:
    runner = CliRunner()
    ok = runner.invoke(_app(), ["extract", str(FIXTURES / "market_note.md")])
    assert ok.exit_code == 0
    data = json.loads(ok.output)
    assert data["document"]["meta"]["author"] == "Dana Whitfield"
    assert data["meetings"] == []
    bad = runner.invoke(_app(), ["extract", str(FIXTURES / "does-not-exist.txt")])
    assert bad.exit_code == 1
