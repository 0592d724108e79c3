"""Security defaults that need no database: key comparison, binding, CORS, body size,
the Cypher guard's first lock, and the Compose file.

The app is built against a Neo4j port where nothing listens (it serves anyway and
reports itself not ready), which is all these checks need.
"""

from __future__ import annotations

import hmac
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml
from fastapi.testclient import TestClient
from pydantic import SecretStr
from typer.testing import CliRunner

from api.app import create_app
from cli.main import app as cli_app
from graph.errors import QueryRefused
from graph.read.cypher_guard import check_read_only
from graph.settings import REPO_ROOT, Settings, get_settings
from tests.support.servers import offline_settings

KEY = "unit-security-key-5a1f0c9e"
FOREIGN = "https://attacker.example"


@pytest.fixture
def client() -> Iterator[TestClient]:
    with TestClient(
        create_app(offline_settings(api_key=SecretStr(KEY))), raise_server_exceptions=False
    ) as c:
        yield c


@pytest.fixture
def clean_env(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Iterator[None]:
    """No WHOMET_* variable and no .env file: the shipped defaults."""
    import os

    for name in list(os.environ):
        if name.startswith("WHOMET_"):
            monkeypatch.delenv(name)
    monkeypatch.chdir(tmp_path)
    get_settings.cache_clear()
    yield
    get_settings.cache_clear()


# --- the write key ------------------------------------------------------------------------------


def test_api_key_is_compared_in_constant_time(
    client: TestClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    seen: list[tuple[bytes, bytes]] = []
    original = hmac.compare_digest

    def spy(a: bytes, b: bytes) -> bool:
        seen.append((a, b))
        return original(a, b)

    monkeypatch.setattr(hmac, "compare_digest", spy)  # the module api.deps calls
    for wrong in ("x", KEY[:-1], KEY + "x", KEY.upper()):
        response = client.post(
            "/api/v1/documents", json={"text": "Some text."}, headers={"X-API-Key": wrong}
        )
        assert response.status_code == 401
        assert KEY not in response.text
    assert seen == [(w.encode(), KEY.encode()) for w in ("x", KEY[:-1], KEY + "x", KEY.upper())]


def test_writes_are_off_unless_a_key_is_set(clean_env: None) -> None:
    settings = Settings(neo4j_password="x" * 12)
    assert settings.api_key is None
    assert Settings(neo4j_password="x" * 12, api_key=SecretStr("   ")).api_key is None


# --- binding --------------------------------------------------------------------------------


def test_defaults_bind_loopback_only(clean_env: None) -> None:
    settings = Settings(neo4j_password="x" * 12)
    assert settings.api_host == "127.0.0.1"
    assert settings.listen_address == "127.0.0.1"  # the local Neo4j too
    assert settings.neo4j_uri.startswith("bolt://127.0.0.1:")
    assert settings.cors_origins == []


def test_serve_binds_loopback_unless_told_otherwise(
    clean_env: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    import uvicorn

    calls: list[dict[str, Any]] = []
    monkeypatch.setattr(uvicorn, "run", lambda app, **kw: calls.append(kw))
    runner = CliRunner()
    result = runner.invoke(cli_app, ["serve"])
    assert result.exit_code == 0, result.output
    assert calls[-1]["host"] == "127.0.0.1"
    assert "warning" not in result.output.lower()

    result = runner.invoke(cli_app, ["serve", "--host", "0.0.0.0", "--port", "8123"])
    assert result.exit_code == 0, result.output
    assert calls[-1]["host"] == "0.0.0.0" and calls[-1]["port"] == 8123
    assert "reachable from other machines" in result.output


# --- CORS -------------------------------------------------------------------------------------


def test_cors_is_closed_by_default(client: TestClient) -> None:
    simple = client.get("/api/v1/health", headers={"Origin": FOREIGN})
    assert "access-control-allow-origin" not in simple.headers
    preflight = client.options(
        "/api/v1/documents",
        headers={
            "Origin": FOREIGN,
            "Access-Control-Request-Method": "POST",
            "Access-Control-Request-Headers": "X-API-Key",
        },
    )
    assert "access-control-allow-origin" not in preflight.headers
    assert "access-control-allow-headers" not in preflight.headers


def test_cors_opens_only_to_the_configured_origins() -> None:
    allowed = "https://analysts.example"
    settings = offline_settings(cors_origins=[allowed])
    with TestClient(create_app(settings), raise_server_exceptions=False) as c:
        ok = c.get("/api/v1/health", headers={"Origin": allowed})
        assert ok.headers.get("access-control-allow-origin") == allowed
        foreign = c.get("/api/v1/health", headers={"Origin": FOREIGN})
        assert "access-control-allow-origin" not in foreign.headers
        assert foreign.headers.get("access-control-allow-credentials") is None


# --- body size --------------------------------------------------------------------------------


@pytest.mark.parametrize("path", ["/api/v1/documents", "/api/v1/cypher"])
def test_bodies_over_the_limit_are_413(client: TestClient, path: str) -> None:
    big = '{"text": "' + "a" * 5_100_000 + '"}'
    response = client.post(
        path, content=big, headers={"Content-Type": "application/json", "X-API-Key": KEY}
    )
    assert response.status_code == 413
    assert response.json()["error"]["code"] == "too_large"


# --- the Cypher guard (first lock; the READ transaction is the second) -------------------------

REFUSED = [
    "CALL { MATCH (n) RETURN n } IN TRANSACTIONS RETURN 1",
    "CALL { MATCH (n) DETACH DELETE n } IN TRANSACTIONS OF 10 ROWS",
    "CALL { MATCH (n) RETURN n } IN 3 CONCURRENT TRANSACTIONS RETURN 1",
    "CALL { MATCH (n) RETURN n } IN $n CONCURRENT TRANSACTIONS RETURN 1",
    "CALL { MATCH (n) RETURN n } IN/* hidden */TRANSACTIONS",
    "CALL { MATCH (n) RETURN n } IN\u00a0TRANSACTIONS",
    "USING PERIODIC COMMIT LOAD CSV FROM 'file:///x' AS r RETURN r",
    "LOAD CSV FROM 'file:///etc/passwd' AS line RETURN line",
    "CALL apoc.create.node(['X'], {})",
    "CALL apoc.merge.node(['X'], {})",
    "CALL apoc.periodic.iterate('MATCH (n) RETURN n', 'DETACH DELETE n', {})",
    "RETURN apoc.cypher.runFirstColumnSingle('CREATE (n) RETURN n', {})",
    "CALL apoc.cypher.doIt('CREATE (n)', {})",
    "CALL apoc.refactor.rename.label('A', 'B')",
    "CALL apoc.export.csv.all('/tmp/out.csv', {})",
    "CALL apoc.load.json('file:///etc/passwd')",
    "CALL apoc.trigger.add('t', 'CREATE (n)', {})",
    "CALL dbms.listConfig()",
    "CALL dbms . killConnections([])",
    "CALL `dbms`.`listConfig`()",
    "CALL db.createLabel('X')",
    "CALL `db`.`createProperty`('x')",
    "CALL db.index.vector.createNodeIndex('i', 'L', 'p', 3, 'cosine')",
    "CALL db.index.fulltext.drop('i')",
    "CALL db.clearQueryCaches()",
    "USE system SHOW USERS",
    "USE system MATCH (n) RETURN n",
    "USE `system` MATCH (n) RETURN n",
    "use SYSTEM return 1",
    "CALL { USE system RETURN 1 AS x } RETURN x",
    "USE graph.byName('system') RETURN 1",
    "USE other MATCH (n) RETURN n",
    "SHOW DATABASES",
    "CREATE DATABASE evil",
    "STOP DATABASE neo4j",
    "GRANT ALL ON DATABASE * TO PUBLIC",
    "ALTER USER neo4j SET PASSWORD 'x'",
    "TERMINATE TRANSACTIONS 'neo4j-transaction-1'",
    "MATCH (n) SET n.x = 1",
    "MATCH (n) FOREACH (x IN [1] | SET n.y = x)",
    "MATCH (n) CALL { WITH n DETACH DELETE n }",
    "MATCH (n)\n// comment\nDELETE n",
]
ALLOWED = [
    "MATCH (n) RETURN count(n)",
    "MATCH (n) WHERE n.name = 'CREATE DATABASE x; DELETE' RETURN n",  # words inside a string
    "MATCH (n) RETURN n.set, n.delete, $create",  # properties and parameters
    "USE neo4j MATCH (n) RETURN count(n)",
    "CALL db.labels() YIELD label RETURN label",
    "CALL { MATCH (n) RETURN n LIMIT 1 } RETURN n",
    "// CREATE (n) in a comment\nMATCH (n) RETURN n LIMIT 1",
]


@pytest.mark.parametrize("text", REFUSED)
def test_guard_refuses(text: str) -> None:
    with pytest.raises(QueryRefused) as refused:
        check_read_only(text, "neo4j")
    assert str(refused.value).startswith("refused")


@pytest.mark.parametrize("text", ALLOWED)
def test_guard_lets_reads_through(text: str) -> None:
    check_read_only(text, "neo4j")


# --- docker-compose ---------------------------------------------------------------------------


def test_compose_publishes_neo4j_only_with_a_required_password() -> None:
    compose = yaml.safe_load((REPO_ROOT / "docker-compose.yml").read_text(encoding="utf-8"))
    for name, service in compose["services"].items():
        image = str(service.get("image", ""))
        env = service.get("environment", {})
        if isinstance(env, list):
            env = dict(item.split("=", 1) for item in env)
        ports = [str(p) for p in service.get("ports", [])]
        for port in ports:
            assert port.startswith("127.0.0.1:"), (name, port)
        if image.startswith("neo4j") and ports:
            auth = str(env.get("NEO4J_AUTH", ""))
            assert auth and auth.lower() != "none", "Neo4j published without a password"
            # ${VAR:?message} makes Compose refuse to start when the password is not set.
            assert auth.startswith("neo4j/${") and ":?" in auth, auth
