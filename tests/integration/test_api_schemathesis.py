"""Property-based run of schemathesis over the OpenAPI schema: no request may get a 5xx.

The API runs as a real uvicorn process on a free loopback port against the test
Neo4j, loaded with the seed; the write key is given to schemathesis so POST and
DELETE /documents are exercised too. Bounded: a few examples per operation.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from graph.db import Graph
from graph.settings import REPO_ROOT, Settings
from tests.integration.test_api import load_documents

KEY = "schemathesis-key"
MAX_EXAMPLES = 12
RUN_TIMEOUT_S = 420


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


@pytest.fixture(scope="module")
def served(
    neo4j_settings: Settings, graph: Graph, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[str]:
    load_documents(graph, sorted((REPO_ROOT / "seeds").glob("*.txt")))
    port = _free_port()
    log = tmp_path_factory.mktemp("uvicorn") / "server.log"
    env = {
        **os.environ,
        "WHOMET_NEO4J_URI": neo4j_settings.neo4j_uri,
        "WHOMET_NEO4J_USER": neo4j_settings.neo4j_user,
        "WHOMET_NEO4J_PASSWORD": neo4j_settings.neo4j_password.get_secret_value(),
        "WHOMET_NEO4J_DATABASE": neo4j_settings.neo4j_database,
        "WHOMET_API_KEY": KEY,
        "WHOMET_CYPHER_TIMEOUT_S": "3",
    }
    cmd = [sys.executable, "-m", "uvicorn", "api.app:create_app", "--factory"]
    cmd += ["--host", "127.0.0.1", "--port", str(port), "--log-level", "warning"]
    with log.open("wb") as out:
        proc = subprocess.Popen(cmd, cwd=REPO_ROOT, env=env, stdout=out, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                if httpx.get(f"{base}/api/v1/ready", timeout=2).status_code == 200:
                    break
            except httpx.TransportError:
                pass
            if proc.poll() is not None or time.monotonic() > deadline:
                pytest.fail("uvicorn did not start:\n" + log.read_text(errors="replace")[-3000:])
            time.sleep(0.2)
        yield base
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


@pytest.mark.slow
def test_no_server_error_anywhere(served: str, tmp_path: Path) -> None:
    schemathesis = Path(sys.executable).with_name("schemathesis")
    cmd = [
        str(schemathesis),
        "run",
        f"{served}/openapi.json",
        "--checks",
        "not_a_server_error",
        "--max-examples",
        str(MAX_EXAMPLES),
        "--seed",
        "20260402",
        "--workers",
        "2",
        "--header",
        f"X-API-Key: {KEY}",
        "--request-timeout",
        "60",
        "--generation-database",
        "none",
        "--no-color",
        "--report-dir",
        str(tmp_path),
    ]
    began = time.monotonic()
    result = subprocess.run(
        cmd, cwd=tmp_path, capture_output=True, text=True, timeout=RUN_TIMEOUT_S, check=False
    )
    output = result.stdout + result.stderr
    assert result.returncode == 0, output[-8000:]
    assert "No issues found" in output or " passed" in output, output[-3000:]
    print(f"schemathesis: {time.monotonic() - began:.0f} s\n{output[-1500:]}")
