"""Fixtures shared by unit and integration tests (those that need Neo4j are in
``tests/integration/conftest.py``)."""

from __future__ import annotations

import os
from collections.abc import Iterator

import pytest
from hypothesis import settings

# Plan warming (graph.database.warm_plans) costs each test server tens of seconds of CPU in
# the background of every API a test starts; tests/integration/test_warm_plans.py turns it
# on where it is the subject. Set before any Settings is built (and inherited by children).
os.environ.setdefault("WHOMET_WARM_PLANS", "0")

# Hypothesis fails an example that takes over 200 ms of wall time by default: on a loaded
# machine that is a failure about the machine, not the code. How long work takes is
# measured in bench/, and growth checked by counting work (tests/unit/test_reliability_*).
settings.register_profile("whomet", deadline=None)
settings.load_profile("whomet")

# Asserts in tests/support/ (check_document, Page.open_drawn, ...) report their values as a
# test's own do; registered before any support module is imported.
pytest.register_assert_rewrite("tests.support")

from tests.support.feed_server import FeedServer  # noqa: E402


@pytest.fixture()
def site() -> Iterator[FeedServer]:
    """A local web server whose pages the test sets (stopped after the test)."""
    server = FeedServer()
    yield server
    server.close()
