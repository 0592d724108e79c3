"""Headless Chromium for the browser tests: where it is, how it starts, where screenshots go,
and a page that records its console errors and requests."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest

from graph.settings import REPO_ROOT

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
IN_CI = os.environ.get("CI", "").strip().lower() in {"1", "true", "yes"}
ARTIFACTS = REPO_ROOT / "artifacts"
# The marks of a module that drives Chromium against the test Neo4j.
BROWSER_MARKS = [
    pytest.mark.browser,
    pytest.mark.db,
    pytest.mark.slow,
    pytest.mark.skipif(
        not CHROMIUM.exists() and not IN_CI,
        reason="no /usr/bin/chromium (Debian's chromium package); required when CI is set",
    ),
]


class Page:
    """One browser page that records console errors and every request it makes."""

    def __init__(self, context: Any) -> None:
        self.errors: list[str] = []
        self.requests: list[str] = []
        self.page = context.new_page()
        self.page.on("console", lambda m: self.errors.append(m.text) if m.type == "error" else None)
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))
        self.page.on("request", lambda r: self.requests.append(r.url))

    def open_drawn(self, url: str) -> None:
        self.page.goto(url)
        # The page marks itself ready once vis-network stabilised, physics is off and it drew.
        self.page.wait_for_function("document.body.dataset.state === 'ready'", timeout=90_000)
        assert self.page.locator("#mynetwork canvas").count() == 1

    def nodes(self) -> list[dict[str, Any]]:
        nodes: list[dict[str, Any]] = self.page.evaluate(
            """() => network.body.data.nodes.get().map(n => ({
                   id: n.id, label: n.label, href: n.href || null, category: n.category,
                   unsafe: !!(n.title && n.title.querySelector &&
                              n.title.querySelector('script, img, iframe, object, embed'))}))"""
        )
        return nodes


def assert_offline(page: Page, context: Any, api_url: str) -> None:
    """The page reached nothing but the API (and inline data): it works without a network,
    and drew without a console error."""
    assert context.outside == [], context.outside
    assert all(u.startswith((api_url, "data:", "blob:")) for u in page.requests), page.requests
    assert page.errors == [], page.errors
