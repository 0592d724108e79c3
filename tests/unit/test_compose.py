"""docker-compose.yml: Neo4j 5.26 with a healthcheck, the API after it, no password in the file.

Checked with ``docker compose config`` where the Compose plugin exists (no engine
needed), and as plain YAML otherwise.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
from typing import Any

import pytest
import yaml

from graph.settings import REPO_ROOT

COMPOSE = REPO_ROOT / "docker-compose.yml"
PASSWORD = "compose-check-pass-123"


def _compose_available() -> bool:
    if shutil.which("docker") is None:
        return False
    try:
        done = subprocess.run(
            ["docker", "compose", "version"], capture_output=True, timeout=20, check=False
        )
    except (OSError, subprocess.TimeoutExpired):
        return False
    return done.returncode == 0


def _compose_config(env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        ["docker", "compose", "-f", str(COMPOSE), "config", "--format", "json"],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
        check=False,
    )


def _clean_env() -> dict[str, str]:
    return {k: v for k, v in os.environ.items() if not k.startswith("WHOMET_")}


def _services() -> dict[str, Any]:
    if _compose_available():
        done = _compose_config({**_clean_env(), "WHOMET_NEO4J_PASSWORD": PASSWORD})
        assert done.returncode == 0, done.stderr
        services: dict[str, Any] = json.loads(done.stdout)["services"]
        return services
    parsed: dict[str, Any] = yaml.safe_load(COMPOSE.read_text(encoding="utf-8"))
    return dict(parsed["services"])


def _env(service: dict[str, Any]) -> dict[str, str]:
    env = service.get("environment", {})
    if isinstance(env, list):
        env = dict(item.split("=", 1) for item in env)
    return {str(k): str(v) for k, v in env.items()}


def test_services_and_healthcheck() -> None:
    services = _services()
    neo4j, api = services["neo4j"], services["api"]
    assert neo4j["image"] == "neo4j:5.26-community"
    assert neo4j["healthcheck"]["test"]
    assert api["depends_on"]["neo4j"]["condition"] == "service_healthy"
    assert _env(api)["WHOMET_NEO4J_URI"] == "bolt://neo4j:7687"


def test_published_ports_are_local_only() -> None:
    for name, service in _services().items():
        for port in service.get("ports", []):
            host_ip = port.get("host_ip") if isinstance(port, dict) else str(port).split(":")[0]
            assert host_ip == "127.0.0.1", (name, port)


def test_no_password_in_the_file() -> None:
    text = COMPOSE.read_text(encoding="utf-8")
    parsed = yaml.safe_load(text)
    for service in parsed["services"].values():
        for key, value in _env(service).items():
            if re.search("PASSWORD|AUTH|API_KEY", key):
                assert "${" in value, f"{key} must come from the environment, not the file"
    assert "whomet-dev-password" not in text


@pytest.mark.skipif(not _compose_available(), reason="docker compose plugin not installed")
def test_compose_refuses_to_run_without_a_password() -> None:
    done = _compose_config(_clean_env())
    assert done.returncode != 0
    assert "WHOMET_NEO4J_PASSWORD" in done.stderr
