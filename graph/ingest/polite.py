"""Polite HTTP for the watcher: robots.txt, a per-host pace, conditional GET, caps.

One client, one thread: each host is asked at most once every
``per_host_interval_s`` seconds (or its robots.txt ``Crawl-delay`` when longer);
a body over the cap is cut off and refused rather than read to the end.
"""

from __future__ import annotations

import time
import urllib.robotparser
from dataclasses import dataclass
from urllib.parse import urlsplit

import httpx

from graph.errors import DocumentSourceError, DocumentTooLarge

ROBOTS_TTL_S = 3600.0


@dataclass(frozen=True)
class Fetched:
    """A response: ``not_modified`` when the validators still hold (no body then)."""

    url: str
    status: int
    body: bytes
    content_type: str
    etag: str | None
    last_modified: str | None

    @property
    def not_modified(self) -> bool:
        return self.status == 304


class RobotsRefused(DocumentSourceError):
    """robots.txt does not allow whomet to fetch this URL."""


class PoliteClient:
    """Fetches with robots.txt, pacing, timeouts and size caps; close it when done."""

    def __init__(
        self,
        *,
        user_agent: str,
        per_host_interval_s: float,
        timeout_s: float,
    ) -> None:
        self.user_agent = user_agent
        self.interval_s = per_host_interval_s
        self.timeout_s = timeout_s
        self.client = httpx.Client(
            timeout=timeout_s,
            follow_redirects=True,
            max_redirects=5,
            headers={"User-Agent": user_agent},
        )
        self._last: dict[str, float] = {}
        self._robots: dict[str, tuple[float, urllib.robotparser.RobotFileParser | None]] = {}
        self._delay: dict[str, float] = {}

    def close(self) -> None:
        self.client.close()

    def __enter__(self) -> PoliteClient:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- pacing and robots -----------------------------------------------------------------

    def _pace(self, host: str) -> None:
        gap = max(self.interval_s, self._delay.get(host, 0.0))
        wait = self._last.get(host, -1e18) + gap - time.monotonic()
        if wait > 0:
            time.sleep(wait)

    def _rules(self, url: str) -> urllib.robotparser.RobotFileParser | None:
        """The host's robots.txt (cached an hour); None means everything is allowed."""
        parts = urlsplit(url)
        origin = f"{parts.scheme}://{parts.netloc}"
        cached = self._robots.get(origin)
        if cached and time.monotonic() - cached[0] < ROBOTS_TTL_S:
            return cached[1]
        try:
            fetched = self._get(f"{origin}/robots.txt", max_bytes=500_000)
        except DocumentSourceError as exc:
            # Unreachable robots.txt: do not guess that crawling is fine; try again later.
            raise DocumentSourceError(f"{origin}/robots.txt: {exc}") from exc
        rules: urllib.robotparser.RobotFileParser | None = None
        if fetched.status >= 500:
            raise DocumentSourceError(f"{origin}/robots.txt: HTTP {fetched.status}; not fetching")
        if fetched.status < 400:
            rules = urllib.robotparser.RobotFileParser()
            rules.parse(fetched.body.decode("utf-8", "replace").splitlines())
            delay = rules.crawl_delay(self.user_agent)
            if delay is not None:
                self._delay[parts.netloc] = float(delay)
        self._robots[origin] = (time.monotonic(), rules)
        return rules

    def allowed(self, url: str) -> bool:
        rules = self._rules(url)
        return rules is None or rules.can_fetch(self.user_agent, url)

    # -- fetching --------------------------------------------------------------------------

    def fetch(
        self,
        url: str,
        *,
        max_bytes: int,
        etag: str | None = None,
        last_modified: str | None = None,
    ) -> Fetched:
        """GET ``url`` if robots.txt allows it; 304 when ``etag``/``last_modified`` still hold.

        Raises DocumentSourceError (HTTP >= 400, timeout, network), DocumentTooLarge,
        RobotsRefused.
        """
        if not url.lower().startswith(("http://", "https://")):
            raise DocumentSourceError(f"{url}: only http(s) URLs are followed")
        if not self.allowed(url):
            raise RobotsRefused(f"{url}: disallowed by robots.txt")
        headers = {}
        if etag:
            headers["If-None-Match"] = etag
        if last_modified:
            headers["If-Modified-Since"] = last_modified
        fetched = self._get(url, max_bytes=max_bytes, headers=headers)
        if fetched.status >= 400:
            raise DocumentSourceError(f"{url}: HTTP {fetched.status}")
        return fetched

    def _get(self, url: str, *, max_bytes: int, headers: dict[str, str] | None = None) -> Fetched:
        host = urlsplit(url).netloc
        self._pace(host)
        try:
            return self._stream(url, max_bytes=max_bytes, headers=headers)
        finally:
            # The gap runs from the end of the last answer: a slow answer or a late arrival
            # at the host never lets two requests reach it closer than the delay.
            self._last[host] = time.monotonic()

    def _stream(
        self, url: str, *, max_bytes: int, headers: dict[str, str] | None = None
    ) -> Fetched:
        chunks: list[bytes] = []
        size = 0
        try:
            with self.client.stream("GET", url, headers=headers or {}) as resp:
                declared = resp.headers.get("content-length")
                if declared and declared.isdigit() and int(declared) > max_bytes:
                    raise DocumentTooLarge(f"{url}: {declared} bytes, over the {max_bytes} limit")
                if resp.status_code < 300:
                    for chunk in resp.iter_bytes():
                        size += len(chunk)
                        if size > max_bytes:
                            raise DocumentTooLarge(f"{url}: over the {max_bytes}-byte limit")
                        chunks.append(chunk)
                return Fetched(
                    url=str(resp.url),
                    status=resp.status_code,
                    body=b"".join(chunks),
                    content_type=resp.headers.get("content-type", ""),
                    etag=resp.headers.get("etag"),
                    last_modified=resp.headers.get("last-modified"),
                )
        except httpx.TimeoutException:
            raise DocumentSourceError(f"{url}: timed out after {self.timeout_s}s") from None
        except httpx.HTTPError as exc:
            raise DocumentSourceError(f"{url}: cannot fetch: {exc}") from None
