"""Requests refused before any database work: a date that is not a date, a method a route
does not have (405 says which it has)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient

from api.app import create_app
from tests.support.servers import offline_settings


@pytest.fixture
def client() -> Iterator[TestClient]:
    with TestClient(create_app(offline_settings()), raise_server_exceptions=False) as c:
        yield c


@pytest.mark.parametrize("value", ["0", "20260303", "-1", "2026-02-30", "yesterday", "1e9"])
@pytest.mark.parametrize("param", ["since", "until"])
@pytest.mark.parametrize(
    "path", ["/api/v1/meetings", "/api/v1/entities/OpenAI/met", "/meetings", "/documents"]
)
def test_dates_must_be_dates(client: TestClient, path: str, param: str, value: str) -> None:
    response = client.get(path, params={param: value})
    assert response.status_code == 422, response.text
    assert response.json()["error"]["code"] == "invalid_request"


@pytest.mark.parametrize(
    ("method", "path", "allowed"),
    [
        ("PUT", "/api/v1/cypher", {"POST"}),
        ("DELETE", "/api/v1/stats", {"GET"}),
        ("PATCH", "/api/v1/documents", {"GET", "POST"}),
    ],
)
def test_405_names_the_allowed_methods(
    client: TestClient, method: str, path: str, allowed: set[str]
) -> None:
    response = client.request(method, path)
    assert response.status_code == 405
    assert response.json()["error"]["code"]
    assert set(response.headers["Allow"].replace(" ", "").split(",")) >= allowed
