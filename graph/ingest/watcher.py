"""Follow feeds and sitemaps: poll each when due, load every new story exactly once.

The URL decides before fetching (a URL already settled is not fetched again), the
article text decides after (the same story under another URL is a duplicate, and
its document id is a hash of the text, so even the graph cannot hold it twice).
A feed's ETag/Last-Modified are kept only once every item of the poll was settled
or gave up: a stop in the middle, or an item to retry, means the next poll reads
the whole feed again and passes the settled URLs quietly.
"""

from __future__ import annotations

import hashlib
import logging
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Protocol

from graph.documents import make_document
from graph.documents.decode import decode_bytes
from graph.documents.html import looks_like_html
from graph.errors import DatabaseUnavailable, DocumentError, DocumentSourceError, WhometError
from graph.ingest.feed_config import FeedSource, WatchConfig
from graph.ingest.feeds import FeedItem, FeedParseError, parse_items
from graph.ingest.polite import PoliteClient, RobotsRefused
from graph.ingest.state import WatchState
from graph.model import Document, Extraction
from graph.store.reports import LoadReport

log = logging.getLogger("whomet.watch")

MAX_NESTED_SITEMAPS = 50
MAX_BACKOFF_FACTOR = 16


class LoadsDocuments(Protocol):
    """What the watcher needs of the store (``GraphStore`` fits)."""

    def load(self, extraction: Extraction, *, force: bool = False) -> LoadReport: ...


@dataclass
class PollOutcome:
    """One poll of one feed: what it fetched, skipped and failed this time."""

    feed: str
    fetched: int = 0
    skipped: int = 0
    failed: int = 0
    not_modified: bool = False
    error: str | None = None
    notes: list[str] = field(default_factory=list)


def text_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def story_id(text: str) -> str:
    """A document id that is the story itself: one node per text whichever feed brought it."""
    return f"news-{text_hash(text)[:24]}"


class Watcher:
    """Polls the feeds of ``config``; state in ``state``, documents into ``store``."""

    def __init__(
        self,
        config: WatchConfig,
        state: WatchState,
        store: LoadsDocuments,
        client: PoliteClient,
        extractor: Callable[[Document], Extraction],
    ) -> None:
        self.config = config
        self.state = state
        self.store = store
        self.client = client
        self.extract = extractor
        self.stop = threading.Event()  # set (e.g. by SIGTERM): finish the current item, then stop
        for feed in config.feeds:
            state.ensure_feed(feed.name, feed.url)

    # -- one feed ----------------------------------------------------------------------------

    def poll(self, feed: FeedSource) -> PollOutcome:
        """Fetch the feed (conditionally), then every item it lists that is not settled.

        Raises DatabaseUnavailable (nothing about the feed is recorded then: the next
        poll starts over); every other failure is recorded and counted.
        """
        out = PollOutcome(feed=feed.name)
        now = time.time()
        etag, last_modified = self.state.validators(feed.name)
        try:
            fetched = self.client.fetch(
                feed.url,
                max_bytes=self.config.max_feed_bytes,
                etag=etag,
                last_modified=last_modified,
            )
            if fetched.not_modified:
                self.state.polled(feed.name, at=now, keep_validators=True)
                out.not_modified = True
                return out
            items = parse_items(fetched.body, feed.url, feed.kind)
            items = self._expand_sitemaps(items, feed)
        except (DocumentError, FeedParseError) as exc:
            self.state.polled(feed.name, at=now, error=str(exc))
            out.error = str(exc)
            return out
        retry_later = False
        for item in self._wanted(items, feed):
            if self.stop.is_set():
                retry_later = True  # keep the old validators: the next run reads the feed again
                break
            retry_later |= self._item(feed, item, out)
        self.state.polled(
            feed.name,
            at=now,
            etag=fetched.etag,
            last_modified=fetched.last_modified,
            keep_validators=retry_later,
        )
        return out

    def _expand_sitemaps(self, items: list[FeedItem], feed: FeedSource) -> list[FeedItem]:
        """A sitemap index lists sitemaps: read those (one level, at most 50)."""
        pages = [i for i in items if not i.sitemap]
        for nested in [i for i in items if i.sitemap][:MAX_NESTED_SITEMAPS]:
            body = self.client.fetch(nested.url, max_bytes=self.config.max_feed_bytes).body
            pages.extend(i for i in parse_items(body, nested.url, "sitemap") if not i.sitemap)
        return pages

    def _wanted(self, items: list[FeedItem], feed: FeedSource) -> list[FeedItem]:
        seen: set[str] = set()
        wanted = []
        for item in items:
            if item.url in seen or not feed.wants(item.url):
                continue
            seen.add(item.url)
            wanted.append(item)
        return wanted[: self.config.max_items_per_poll]

    def _item(self, feed: FeedSource, item: FeedItem, out: PollOutcome) -> bool:
        """Settle one item; True when it failed and will be tried again at a later poll."""
        name, url = feed.name, item.url
        if self.state.settled(name, url):
            return False
        known = self.state.item(url)
        if known is not None and known.status != "failed":
            # Another feed brought this URL first.
            self._skip(feed, url, out, f"already {known.status} from feed {known.feed}")
            return False
        try:
            doc = self._document(feed, item)
        except RobotsRefused as exc:
            self.state.record_item(url, name, "skipped", error=str(exc))
            self._skip(feed, url, out, str(exc))
            return False
        except DocumentError as exc:
            return self._fail(feed, url, out, exc, retryable=isinstance(exc, DocumentSourceError))
        digest = text_hash(doc.text)
        first = self.state.loaded_with_hash(digest)
        if first is not None and first != url:
            self.state.record_item(url, name, "duplicate", text_hash=digest, doc_id=doc.id)
            self._skip(feed, url, out, f"same story as {first}")
            return False
        try:
            report = self.store.load(self.extract(doc))
        except DatabaseUnavailable:
            raise
        except WhometError as exc:
            return self._fail(feed, url, out, exc, retryable=True)
        self.state.record_item(url, name, "loaded", text_hash=digest, doc_id=doc.id)
        self.state.count(name, "fetched", url, f"{report.status} {doc.id}")
        self.state.settle(name, url)
        out.fetched += 1
        return False

    def _document(self, feed: FeedSource, item: FeedItem) -> Document:
        page = self.client.fetch(item.url, max_bytes=self.config.max_page_bytes)
        text = decode_bytes(page.body, item.url)
        ctype = page.content_type.lower()
        kind = "html" if "html" in ctype or looks_like_html(text) else "text"
        metadata = {
            "title": item.title,
            "date": item.published.isoformat() if item.published else None,
            "source": feed.name,
            "url": item.url,
        }
        doc = make_document(text, kind=kind, metadata=metadata, url=item.url)
        return make_document(
            text, kind=kind, metadata=metadata, url=item.url, doc_id=story_id(doc.text)
        )

    def _skip(self, feed: FeedSource, url: str, out: PollOutcome, why: str) -> None:
        self.state.count(feed.name, "skipped", url, why)
        self.state.settle(feed.name, url)
        out.skipped += 1
        out.notes.append(f"skipped {url}: {why}")

    def _fail(
        self, feed: FeedSource, url: str, out: PollOutcome, exc: Exception, *, retryable: bool
    ) -> bool:
        self.state.record_item(url, feed.name, "failed", error=str(exc))
        self.state.count(feed.name, "failed", url, str(exc))
        out.failed += 1
        out.notes.append(f"failed {url}: {exc}")
        known = self.state.item(url)
        attempts = known.attempts if known else 1
        if retryable and attempts < self.config.max_item_attempts:
            return True
        self.state.settle(feed.name, url)  # given up: not tried again
        return False

    # -- the loop ----------------------------------------------------------------------------

    def due_in(self, feed: FeedSource, now: float) -> float:
        """Seconds until ``feed`` should be polled; a failing feed backs off (up to 16x)."""
        rec = next((r for r in self.state.feeds() if r.name == feed.name), None)
        if rec is None or rec.last_polled is None:
            return 0.0
        factor = min(2**rec.consecutive_failures, MAX_BACKOFF_FACTOR)
        return float(rec.last_polled + feed.interval_s * factor - now)

    def run(
        self,
        *,
        once: bool = False,
        stop: threading.Event | None = None,
        report: Callable[[PollOutcome], None] | None = None,
        db_retry_s: float = 30.0,
    ) -> None:
        """Poll due feeds until ``stop`` is set (``once``: every feed one time, then return)."""
        stop = self.stop = stop or self.stop
        while not stop.is_set():
            for feed in self.config.feeds:
                if stop.is_set():
                    return
                if not once and self.due_in(feed, time.time()) > 0:
                    continue
                try:
                    outcome = self.poll(feed)
                except DatabaseUnavailable as exc:
                    if once:
                        raise
                    log.warning("Neo4j unavailable (%s); retrying in %.0fs", exc, db_retry_s)
                    stop.wait(db_retry_s)
                    break
                if report is not None:
                    report(outcome)
            if once:
                return
            now = time.time()
            wait = min(max(self.due_in(f, now), 0.0) for f in self.config.feeds)
            stop.wait(max(wait, 0.5))
