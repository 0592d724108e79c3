"""Graph.read retries what a managed transaction would (a retryable error, until the graph's
retry time), maps a lasting transient failure to DatabaseBusy, and does not retry the rest."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, LiteralString

import pytest
from neo4j.exceptions import ClientError, ServiceUnavailable, TransientError

from graph.database import db
from graph.database.db import Graph
from graph.errors import DatabaseBusy, DatabaseUnavailable
from graph.settings import Settings


class Flaky(Graph):
    """A Graph whose one round trip fails with ``errors`` first, then answers."""

    def __init__(self, errors: list[Exception], retry_time_s: float) -> None:
        driver = db.open_driver(Settings(neo4j_uri="bolt://127.0.0.1:1"))
        super().__init__(driver, "neo4j", "bolt://127.0.0.1:1", retry_time_s=retry_time_s)
        self.errors = errors
        self.calls = 0

    def _read_once(
        self, query: LiteralString, params: Mapping[str, Any] | None, timeout_s: float | None
    ) -> list[dict[str, Any]]:
        self.calls += 1
        if self.errors:
            raise self.errors.pop(0)
        return [{"one": 1}]


@pytest.fixture(autouse=True)
def no_wait(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(db, "RETRY_DELAY_S", 0.01)


def test_a_transient_error_is_retried() -> None:
    graph = Flaky([TransientError("busy"), ServiceUnavailable("gone")], retry_time_s=5.0)
    assert graph.read("RETURN 1 AS one") == [{"one": 1}]
    assert graph.calls == 3
    graph.close()


def test_a_lasting_transient_error_is_database_busy() -> None:
    graph = Flaky([TransientError("busy")] * 100, retry_time_s=0.05)
    with pytest.raises(DatabaseBusy):
        graph.read("RETURN 1 AS one")
    assert 1 < graph.calls < 100
    graph.close()


def test_an_unreachable_server_is_database_unavailable_after_the_retry_time() -> None:
    graph = Flaky([ServiceUnavailable("gone")] * 100, retry_time_s=0.0)
    with pytest.raises(DatabaseUnavailable):
        graph.read("RETURN 1 AS one")
    assert graph.calls == 1
    graph.close()


def test_a_client_error_is_not_retried() -> None:
    graph = Flaky([ClientError("bad statement")], retry_time_s=5.0)
    with pytest.raises(ClientError):
        graph.read("RETURN 1 AS one")
    assert graph.calls == 1
    graph.close()
