"""``--json`` on ``serve`` and ``neo4j stop``: the output parses, and says what the command
did (serve prints its addresses once, before uvicorn runs; stop with no server says so)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from cli.main import app
from graph.settings import get_settings

runner = CliRunner()


@pytest.fixture()
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """A fresh WHOMET_HOME (no server ever started there), no API key."""
    monkeypatch.setenv("WHOMET_HOME", str(tmp_path))
    monkeypatch.delenv("WHOMET_API_KEY", raising=False)
    get_settings.cache_clear()
    yield tmp_path
    get_settings.cache_clear()


def test_serve_prints_its_addresses_as_json_before_running(
    home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import uvicorn

    served: list[dict[str, Any]] = []
    # uvicorn.run would block serving forever: record how it was called instead.
    monkeypatch.setattr(uvicorn, "run", lambda app, **kw: served.append(kw))
    result = runner.invoke(app, ["serve", "--port", "8123", "--json"])
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert len(lines) == 1
    report = json.loads(lines[0])
    assert served == [{"host": report["host"], "port": 8123, "log_level": "info"}]
    assert report["api_docs"] == f"http://{report['host']}:8123/docs"
    assert report["graph_view"] == f"http://{report['host']}:8123/graph"
    settings = get_settings()
    assert report["neo4j_browser"].endswith(f":{settings.http_port}/browser/")
    assert report["writes_enabled"] is False


def test_neo4j_stop_without_a_server_says_not_running(home: Path) -> None:
    result = runner.invoke(app, ["neo4j", "stop", "--json"])
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    settings = get_settings()
    assert report["status"] == "not running"
    assert report["running"] is False and report["pid"] is None
    assert report["bolt_uri"].endswith(f":{settings.bolt_port}")
    assert Path(report["logs"]).is_relative_to(home)
