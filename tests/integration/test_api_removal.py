"""Removing an entity over HTTP (POST /entities/{ref}/remove and /restore): the API key,
a name that fits several entities (409 with the candidates), one that fits none (404 with the
closest names), and what the reads answer before and after."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient
from pydantic import SecretStr

from api.app import create_app
from graph.database.db import Graph
from graph.database.schema import apply_schema
from graph.model import EntityType
from graph.settings import Settings
from graph.store.graph_store import GraphStore
from tests.support.store import COM, PER, Doc

pytestmark = pytest.mark.db

API = "/api/v1"
KEY = "removal-key"
PRG = EntityType.PROGRAM


@pytest.fixture(scope="module")
def client(neo4j_settings: Settings, graph: Graph) -> Iterator[TestClient]:
    """Two entities called Mercury (a company and a program) and a meeting of Ada Quill with
    the company."""
    apply_schema(graph)
    text = "Ada Quill met Mercury on May 18. The Mercury programme opened."
    doc = Doc("m1", text).entity("a", "Ada Quill", PER).entity("c", "Mercury", COM)
    doc.entity("p", "Mercury", PRG)
    doc.meeting("k", text, None, ["a", "c"], day=dt.date(2026, 5, 18))
    GraphStore(graph).load(doc.build())
    settings = neo4j_settings.model_copy(update={"api_key": SecretStr(KEY)})
    with TestClient(create_app(settings), raise_server_exceptions=False) as c:
        yield c


def post(client: TestClient, path: str, key: str | None = KEY) -> tuple[int, dict[str, object]]:
    headers = {"X-API-Key": key} if key is not None else {}
    response = client.post(API + path, headers=headers)
    body: dict[str, object] = response.json()
    return response.status_code, body


def test_remove_needs_the_key_and_writes_nothing_without_it(
    client: TestClient, graph: Graph
) -> None:
    assert post(client, "/entities/com:mercury/remove", key=None)[0] == 401
    assert post(client, "/entities/com:mercury/remove", key="wrong")[0] == 401
    assert post(client, "/entities/com:mercury/restore", key=None)[0] == 401
    assert graph.read("MATCH (e:Removed) RETURN count(e) AS n")[0]["n"] == 0
    assert client.get(f"{API}/entities/com:mercury").status_code == 200


def test_an_ambiguous_name_is_409_and_an_unknown_one_404_with_the_closest(
    client: TestClient,
) -> None:
    status, body = post(client, "/entities/Mercury/remove")
    error = body["error"]
    assert status == 409 and isinstance(error, dict)
    assert sorted(c["id"] for c in error["candidates"]) == ["com:mercury", "prg:mercury"]
    status, body = post(client, "/entities/Mercurie/remove")
    error = body["error"]
    assert status == 404 and isinstance(error, dict)
    assert "Mercury" in [c["name"] for c in error["closest"]]
    assert post(client, "/entities/Ada Quill/restore")[0] == 404  # not removed


def test_remove_hides_the_entity_then_restore_brings_it_back(client: TestClient) -> None:
    met_before = client.get(f"{API}/entities/Ada Quill/met").json()
    assert [c["entity"]["id"] for c in met_before["counterparts"]] == ["com:mercury"]
    status, body = post(client, "/entities/com:mercury/remove")
    assert status == 200
    assert body == {
        "id": "com:mercury",
        "name": "Mercury",
        "type": "Company",
        "removed": True,
        "correction_id": "remove:com:mercury",
    }
    assert client.get(f"{API}/entities/com:mercury").status_code == 404
    # the program of the same name is now the only Mercury
    assert client.get(f"{API}/entities/Mercury").json()["id"] == "prg:mercury"
    assert client.get(f"{API}/entities/Ada Quill/met").json()["counterparts"] == []
    assert post(client, "/entities/com:mercury/remove") == (status, body)  # idempotent
    kinds = [c["kind"] for c in client.get(f"{API}/corrections").json()]
    assert kinds == ["remove"]
    status, back = post(client, "/entities/com:mercury/restore")
    assert status == 200 and back["removed"] is False
    assert client.get(f"{API}/entities/com:mercury").status_code == 200
    assert client.get(f"{API}/entities/Ada Quill/met").json() == met_before
    assert client.get(f"{API}/corrections").json() == []
