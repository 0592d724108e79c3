"""Fixtures shared by unit and integration tests (those that need Neo4j are in
``tests/integration/conftest.py``)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.support.feed_server import FeedServer


@pytest.fixture()
def site() -> Iterator[FeedServer]:
    """A local web server whose pages the test sets (stopped after the test)."""
    server = FeedServer()
    yield server
    server.close()
