"""What the ``--json`` flag of ``watch``, ``serve``, ``viz`` and ``neo4j start|stop|fetch``
prints: one pydantic model per report, so the JSON has a fixed, documented shape."""

from __future__ import annotations

from pydantic import BaseModel


class ServeReport(BaseModel):
    """``whomet serve --json``: where the server listens, printed once before it starts."""

    host: str
    port: int
    api_docs: str
    graph_view: str | None
    neo4j_browser: str
    writes_enabled: bool


class WatchPoll(BaseModel):
    """``whomet watch --json``: one line per poll of one feed."""

    event: str = "poll"
    feed: str
    fetched: int
    skipped: int
    failed: int
    not_modified: bool
    error: str | None
    notes: list[str]


class WatchFeedTotals(BaseModel):
    """A feed's counters so far, as the state file holds them."""

    name: str
    url: str
    fetched: int
    skipped: int
    failed: int
    last_error: str | None


class WatchSummary(BaseModel):
    """``whomet watch --json``: the last line (after ``--once``, or alone with ``--records``)."""

    event: str = "summary"
    state: str
    feeds: list[WatchFeedTotals]


class VizReport(BaseModel):
    """``whomet viz --json``: the file written, its format, and what the view holds."""

    view: str
    file: str
    format: str
    nodes: int
    edges: int
    notes: list[str]
    # A date range's meetings with no date: left out (counted), or drawn (--include-undated).
    undated_left_out: int = 0
    undated_included: int = 0


class Neo4jReport(BaseModel):
    """``whomet neo4j start|stop|fetch --json``: the server's addresses, process and folders."""

    status: str  # started, stopped, not running, fetched, already complete
    bolt_uri: str
    http_uri: str
    pid: int | None
    running: bool
    version: str | None
    lib: str
    logs: str
    seconds: float
    plans_warmed: int | None = None  # start: statements planned after it answered (None: off)
