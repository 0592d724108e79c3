"""``whomet neo4j fetch|start|stop --json`` on a throwaway server: each prints one JSON
object, and stop names the pid that start reported."""

from __future__ import annotations

import json
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from cli.main import app
from graph.database.launcher import LocalNeo4j
from graph.settings import get_settings
from tests.support import servers

pytestmark = [pytest.mark.db, pytest.mark.slow, pytest.mark.long]

runner = CliRunner()


@pytest.fixture()
def home(monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """A scratch WHOMET_HOME on free ports whose lib is the tests' shared jar folder."""
    home = servers.scratch_home("cli-json-")
    settings = servers.local_settings(home)
    with servers.jars_lock():
        LocalNeo4j(settings, lib=servers.SHARED_LIB).ensure_jars()
    lib = LocalNeo4j(settings).paths.lib  # where the CLI looks: linked to the shared jars
    lib.parent.mkdir(parents=True, exist_ok=True)
    lib.symlink_to(servers.SHARED_LIB, target_is_directory=True)
    env = {
        "WHOMET_HOME": str(home),
        "WHOMET_BOLT_PORT": str(settings.bolt_port),
        "WHOMET_HTTP_PORT": str(settings.http_port),
        "WHOMET_LISTEN_ADDRESS": "127.0.0.1",
        "WHOMET_NEO4J_PASSWORD": servers.TEST_PASSWORD,
        "WHOMET_HEAP_SIZE": "512m",
        "WHOMET_PAGECACHE_SIZE": "128m",
        "WHOMET_START_TIMEOUT_S": "180",
    }
    for key, value in env.items():
        monkeypatch.setenv(key, value)
    get_settings.cache_clear()
    try:
        yield home
    finally:
        LocalNeo4j(get_settings()).stop()
        get_settings.cache_clear()
        shutil.rmtree(home, ignore_errors=True)


def _json(args: list[str]) -> dict[str, Any]:
    result = runner.invoke(app, args)
    assert result.exit_code == 0, result.output
    report: dict[str, Any] = json.loads(result.stdout)
    return report


def test_fetch_start_stop_report_json(home: Path) -> None:
    settings = get_settings()
    fetched = _json(["neo4j", "fetch", "--json"])
    assert fetched["status"] == "already complete"
    assert Path(fetched["lib"]) == servers.SHARED_LIB.resolve()
    assert fetched["running"] is False
    started = _json(["neo4j", "start", "--json"])
    assert started["status"] == "started" and started["running"] is True
    assert started["bolt_uri"] == f"bolt://127.0.0.1:{settings.bolt_port}"
    assert isinstance(started["pid"], int)
    assert Path(started["logs"]).is_relative_to(home)
    stopped = _json(["neo4j", "stop", "--json"])
    assert (stopped["status"], stopped["pid"], stopped["running"]) == (
        "stopped",
        started["pid"],
        False,
    )
