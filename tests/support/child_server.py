"""The API under uvicorn in a child process on a free loopback port, for benchmarks and tests
that want a real, separate server (its own interpreter, as ``whomet serve`` runs it)."""

from __future__ import annotations

import subprocess
import sys
import time
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path
from typing import IO

import httpx

from graph.database.launcher import free_port
from graph.settings import REPO_ROOT, Settings

READY_PATH = "/api/v1/ready"


class ApiNotReady(RuntimeError):
    """The child exited, or did not answer ``/api/v1/ready`` in time."""


def neo4j_env(settings: Settings) -> dict[str, str]:
    """The ``WHOMET_NEO4J_*`` variables that point a child process at ``settings``' server."""
    return {
        "WHOMET_NEO4J_URI": settings.neo4j_uri,
        "WHOMET_NEO4J_USER": settings.neo4j_user,
        "WHOMET_NEO4J_PASSWORD": settings.neo4j_password.get_secret_value(),
        "WHOMET_NEO4J_DATABASE": settings.neo4j_database,
    }


@contextmanager
def api_in_child_process(
    env: Mapping[str, str],
    *,
    stdout: IO[bytes] | None = None,
    ready_timeout_s: float = 180.0,
    cwd: Path | None = None,
) -> Iterator[str]:
    """Start ``uvicorn api.app:create_app`` with ``env``; yield its base URL once
    ``/api/v1/ready`` answers 200; stop it (SIGTERM, then SIGKILL) on the way out.

    ``cwd`` runs another source tree's API (a benchmark's "before"); the default is this one.
    Raises :class:`ApiNotReady` when it exits or is not ready within ``ready_timeout_s``."""
    port = free_port()
    cmd = [sys.executable, "-m", "uvicorn", "api.app:create_app", "--factory"]
    cmd += ["--host", "127.0.0.1", "--port", str(port), "--log-level", "warning"]
    proc = subprocess.Popen(cmd, cwd=cwd or REPO_ROOT, env=dict(env), stdout=stdout, stderr=stdout)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + ready_timeout_s
        while True:
            try:
                if httpx.get(base + READY_PATH, timeout=2).status_code == 200:
                    break
            except httpx.TransportError:
                pass
            if proc.poll() is not None:
                raise ApiNotReady(f"the API server exited with code {proc.returncode}")
            if time.monotonic() > deadline:
                raise ApiNotReady(f"the API server was not ready after {ready_timeout_s:.0f} s")
            time.sleep(0.2)
        yield base
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
