"""Analytics computed once per graph version and kept until the graph changes.

Betweenness over a few thousand nodes takes tens of seconds, and the analytics routes need no
key: recomputing on every request let anyone keep the API's workers busy. The graph version
(:func:`graph.read.version.graph_version`) is read on each request (a few milliseconds); the
answer is computed by one request at a time and reused until the version changes.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Hashable
from typing import Any, TypeVar

from graph.database.db import Graph
from graph.read.version import graph_version

T = TypeVar("T")


class VersionedCache:
    """Answers of one graph version; all are dropped when the version changes."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._version: Any = None
        self._answers: dict[Hashable, Any] = {}
        self.computed = 0  # how many answers were computed (the tests read it)

    def get(self, graph: Graph, key: Hashable, compute: Callable[[], T]) -> T:
        version = graph_version(graph)
        with self._lock:  # one computation at a time: the second request waits and reuses it
            if version != self._version:
                self._version, self._answers = version, {}
            if key not in self._answers:
                self._answers[key] = compute()
                self.computed += 1
            answer: T = self._answers[key]
            return answer


CACHE = VersionedCache()
