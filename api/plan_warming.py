"""The API's plan warming: in a background thread once the schema is there, so it never
delays readiness nor holds a request, and paused while requests are being answered
(graph.database.warm_plans says why it pays, docs/scaling.md what it saves)."""

from __future__ import annotations

import logging
import threading

from starlette.types import ASGIApp, Receive, Scope, Send

from graph.database.db import Graph
from graph.database.warm_plans import WarmReport, read_statements, warm_plans
from graph.settings import Settings

log = logging.getLogger("whomet.api")

# How long shutdown waits for the statement being explained before it closes the driver.
STOP_WAIT_S = 5.0


class InFlight:
    """How many HTTP requests are being answered (changed on the event loop only)."""

    def __init__(self) -> None:
        self.count = 0

    def busy(self) -> bool:
        return self.count > 0


class CountRequests:
    """ASGI middleware keeping :class:`InFlight` up to date."""

    def __init__(self, app: ASGIApp, in_flight: InFlight) -> None:
        self.app = app
        self.in_flight = in_flight

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        self.in_flight.count += 1
        try:
            await self.app(scope, receive, send)
        finally:
            self.in_flight.count -= 1


class PlanWarming:
    """One warming per app: started at most once, stopped with the app."""

    def __init__(self, graph: Graph, settings: Settings, in_flight: InFlight) -> None:
        self.graph = graph
        self.in_flight = in_flight
        self.enabled = settings.warm_plans
        self.budget_s = settings.warm_plans_budget_s
        self.stop_event = threading.Event()
        self.thread: threading.Thread | None = None
        self.report: WarmReport | None = None

    def start(self) -> None:
        """Start warming in the background (once; not at all when the setting is off)."""
        if not self.enabled or self.thread is not None:
            return
        self.thread = threading.Thread(target=self._run, name="whomet-warm-plans", daemon=True)
        self.thread.start()

    def _run(self) -> None:
        try:
            self.report = warm_plans(
                self.graph,
                read_statements(),
                budget_s=self.budget_s,
                stop=self.stop_event,
                wait_while=self.in_flight.busy,
            )
        except Exception:  # a background optimisation: log whatever it was, serve on
            log.exception("plan warming stopped")

    def stop(self) -> None:
        """Ask the thread to end after its current statement, and wait for it a little."""
        self.stop_event.set()
        if self.thread is not None:
            self.thread.join(STOP_WAIT_S)
