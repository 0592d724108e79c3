"""How the integration tests get a real Neo4j: an existing server, Docker, or the local launcher.

Kept out of conftest.py so test modules can build extra throwaway servers
(the launcher's own tests) the same way the session fixture does. ``offline_settings``
is the opposite: settings for the API's unit tests, pointing at no server at all.
"""

from __future__ import annotations

import fcntl
import os
import socket
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from graph.settings import REPO_ROOT, Settings

TEST_PASSWORD = "whomet-test-password"
DOCKER_IMAGE = "neo4j:5.26-community"
# One jar folder for every test server: fetched once per checkout.
SHARED_LIB = REPO_ROOT / ".whomet" / "neo4j-home" / "lib"
# Throwaway homes live inside the checkout so .ci/run can find any server left behind.
SCRATCH = REPO_ROOT / ".whomet" / "tmp"
# Small memory and no 256 MB transaction-log preallocation: test servers are tiny.
TEST_CONF = {"db.tx_log.preallocate": "false", "db.tx_log.rotation.size": "16M"}


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


@contextmanager
def jars_lock() -> Iterator[None]:
    """Held while fetching the shared jars: pytest-xdist workers start their servers at the
    same time, and only one of them may fill ``SHARED_LIB`` on a fresh clone."""
    SCRATCH.mkdir(parents=True, exist_ok=True)
    with (SCRATCH / "jars.lock").open("w") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def scratch_home(prefix: str) -> Path:
    SCRATCH.mkdir(parents=True, exist_ok=True)
    return Path(tempfile.mkdtemp(prefix=prefix, dir=SCRATCH))


def local_settings(home: Path, password: str = TEST_PASSWORD) -> Settings:
    """Settings for a launcher-run server on free ports in ``home``."""
    return Settings(
        home=home,
        bolt_port=free_port(),
        http_port=free_port(),
        listen_address="127.0.0.1",
        neo4j_password=password,
        neo4j_database="neo4j",
        heap_size="512m",
        pagecache_size="128m",
        # A 512 MB heap needs no concurrent collector; G1's background threads took cores
        # the tests needed (docs/scaling.md, "The test suite's time").
        neo4j_gc="serial",
        start_timeout_s=180.0,
    )


def env_settings() -> Settings | None:
    """Settings for a server named by WHOMET_TEST_NEO4J_URI (+ _USER, _PASSWORD), if set."""
    uri = os.environ.get("WHOMET_TEST_NEO4J_URI")
    if not uri:
        return None
    return Settings(
        neo4j_uri=uri,
        neo4j_user=os.environ.get("WHOMET_TEST_NEO4J_USER", "neo4j"),
        neo4j_password=os.environ.get("WHOMET_TEST_NEO4J_PASSWORD", TEST_PASSWORD),
        neo4j_database=os.environ.get("WHOMET_TEST_NEO4J_DATABASE", "neo4j"),
    )


def offline_settings(**changes: Any) -> Settings:
    """Settings for an API with no database: a Neo4j URI on a free port, no .env file read."""
    port = free_port()  # nothing listens there
    base = Settings(_env_file=None, neo4j_uri=f"bolt://127.0.0.1:{port}", neo4j_password="x" * 12)
    return base.model_copy(update=changes)


def docker_answers(timeout_s: float = 0.5) -> bool:
    """True when a Docker engine answers its ping quickly (a client alone is not enough)."""
    host = os.environ.get("DOCKER_HOST", "unix:///var/run/docker.sock")
    try:
        if host.startswith("unix://"):
            path = host.removeprefix("unix://")
            if not Path(path).exists():
                return False
            conn = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
            conn.settimeout(timeout_s)
            conn.connect(path)
        elif host.startswith("tcp://"):
            address, _, port = host.removeprefix("tcp://").partition(":")
            conn = socket.create_connection((address, int(port or 2375)), timeout=timeout_s)
        else:
            return False
        with conn:
            conn.sendall(b"GET /_ping HTTP/1.0\r\nHost: docker\r\n\r\n")
            reply = conn.recv(1024)
    except (OSError, ValueError):
        return False
    status_line = reply.split(b"\r\n", 1)[0].split()
    return len(status_line) >= 2 and status_line[1] == b"200"
