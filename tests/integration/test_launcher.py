"""The local launcher: start, status, stop by pid, restart keeping data, clear errors.

These tests run their own throwaway servers (not the session one), so they need
Java and the jars even when the session server comes from Docker or elsewhere.
"""

from __future__ import annotations

import os
import shutil
import socket
from collections.abc import Iterator
from pathlib import Path

import pytest

from graph.database import neo4j_jars
from graph.database.db import Graph
from graph.database.launcher import LocalNeo4j
from graph.errors import DatabaseUnavailable, LauncherError
from tests.support import servers

pytestmark = pytest.mark.skipif(
    shutil.which("java") is None
    or (shutil.which("mvn") is None and not neo4j_jars.jars_complete(servers.SHARED_LIB)),
    reason="the local launcher needs Java (and Maven until the jars are fetched)",
)


@pytest.fixture
def home() -> Iterator[Path]:
    folder = servers.scratch_home("launcher-")
    yield folder
    if not any(folder.rglob("neo4j.pid")):  # a server that failed to stop stays findable
        shutil.rmtree(folder, ignore_errors=True)


def _server(home: Path, **changes: object) -> LocalNeo4j:
    settings = servers.local_settings(home).model_copy(update=changes)
    return LocalNeo4j(settings, lib=servers.SHARED_LIB, extra_conf=servers.TEST_CONF)


def _process_exists(pid: int) -> bool:
    """True while ``pid`` is a live process (a zombie counts as gone)."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return False
    return stat.rsplit(")", 1)[1].split()[0] != "Z"


@pytest.mark.long
def test_lifecycle_keeps_data_across_restart(home: Path) -> None:
    server = _server(home)
    try:
        started = server.start()
        assert started.running and started.pid is not None
        assert started.version is not None and started.version.startswith("5.26.")
        assert started.edition == "community"
        assert server.paths.pid_file.read_text().strip() == str(started.pid)
        assert os.getpgid(started.pid) == started.pid  # its own session: survives the CLI

        with Graph.connect(server.settings) as graph:
            graph.write_query("CREATE (:Probe {key: $key})", {"key": "kept"})

        assert server.start().pid == started.pid  # a second start finds it running

        assert server.stop() is True
        assert not _process_exists(started.pid)
        assert not server.paths.pid_file.exists()
        assert server.status().running is False
        assert server.stop() is False
        with (
            Graph.connect(server.settings, retry_time_s=0.5) as graph,
            pytest.raises(DatabaseUnavailable),
        ):
            graph.read("RETURN 1 AS one")

        again = server.start()
        assert again.running and again.pid != started.pid
        with Graph.connect(server.settings) as graph:
            rows = graph.read("MATCH (p:Probe) RETURN p.key AS key")
        assert rows == [{"key": "kept"}]
    finally:
        server.stop()


def test_stale_pid_file_means_not_running(home: Path) -> None:
    server = _server(home)
    server.paths.run.mkdir(parents=True)
    server.paths.pid_file.write_text(f"{os.getpid()}\n")  # alive, but not a Neo4j server
    assert server.status().running is False
    assert server.stop() is False
    assert not server.paths.pid_file.exists()


def test_port_taken_gives_clear_error(home: Path) -> None:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as squatter:
        squatter.bind(("127.0.0.1", 0))
        squatter.listen()
        taken = squatter.getsockname()[1]
        server = _server(home, bolt_port=taken)
        with pytest.raises(LauncherError, match=rf"port {taken} .* already in use"):
            server.start()
    assert server.pid() is None


def test_failed_start_points_at_the_log(home: Path) -> None:
    server = _server(home, pagecache_size="4096g")  # more than the machine has
    with pytest.raises(LauncherError) as caught:
        server.start()
    message = str(caught.value)
    assert "exited while starting" in message
    assert str(server.paths.logs) in message
    assert server.pid() is None
