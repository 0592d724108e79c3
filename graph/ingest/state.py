"""The watcher's memory: a local SQLite file of what each feed and item came to.

SQLite rather than Neo4j because this is one watcher's crawl bookkeeping (ETags,
attempts, counters), not knowledge: it must survive a stop, be written in the same
breath as each decision (one small transaction), and keep working while Neo4j is
down. The graph stays the backstop: a document id is fixed by its URL and a load of
an unchanged document changes nothing, so a crash between the load and the record
here only makes the next run see "unchanged", never a second copy.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from pathlib import Path
from typing import Literal

from pydantic import BaseModel

ItemStatus = Literal["loaded", "duplicate", "skipped", "failed"]
Counter = Literal["fetched", "skipped", "failed"]

_SCHEMA = """
CREATE TABLE IF NOT EXISTS feeds (
  name TEXT PRIMARY KEY,
  url TEXT NOT NULL,
  etag TEXT,
  last_modified TEXT,
  last_polled REAL,
  last_error TEXT,
  consecutive_failures INTEGER NOT NULL DEFAULT 0,
  fetched INTEGER NOT NULL DEFAULT 0,
  skipped INTEGER NOT NULL DEFAULT 0,
  failed INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE IF NOT EXISTS items (
  url TEXT PRIMARY KEY,
  feed TEXT NOT NULL,
  status TEXT NOT NULL,
  text_hash TEXT,
  doc_id TEXT,
  attempts INTEGER NOT NULL DEFAULT 0,
  error TEXT,
  updated_at TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS items_text_hash ON items(text_hash);
CREATE TABLE IF NOT EXISTS feed_items (
  feed TEXT NOT NULL,
  url TEXT NOT NULL,
  PRIMARY KEY (feed, url)
);
CREATE TABLE IF NOT EXISTS events (
  at TEXT NOT NULL,
  feed TEXT NOT NULL,
  url TEXT,
  outcome TEXT NOT NULL,
  detail TEXT
);
"""


class FeedRecord(BaseModel):
    """What one feed has come to so far (counters only grow)."""

    name: str
    url: str
    fetched: int
    skipped: int
    failed: int
    last_polled: float | None
    last_error: str | None
    consecutive_failures: int


class ItemRecord(BaseModel):
    url: str
    feed: str
    status: ItemStatus
    text_hash: str | None
    doc_id: str | None
    attempts: int
    error: str | None


def _now() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")


class WatchState:
    """One SQLite file; every method is its own committed transaction."""

    def __init__(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        self.path = path
        self.db = sqlite3.connect(path, isolation_level=None, timeout=30)
        self.db.execute("PRAGMA journal_mode=WAL")
        self.db.execute("PRAGMA synchronous=FULL")
        self.db.executescript(_SCHEMA)

    def close(self) -> None:
        self.db.close()

    def __enter__(self) -> WatchState:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- feeds -----------------------------------------------------------------------------

    def ensure_feed(self, name: str, url: str) -> None:
        """Register a feed; a changed URL forgets the old validators (ETag/Last-Modified)."""
        with self.db:
            self.db.execute(
                "INSERT INTO feeds(name, url) VALUES(?, ?) ON CONFLICT(name) DO UPDATE SET "
                "etag = CASE WHEN url = excluded.url THEN etag END, "
                "last_modified = CASE WHEN url = excluded.url THEN last_modified END, "
                "url = excluded.url",
                (name, url),
            )

    def validators(self, name: str) -> tuple[str | None, str | None]:
        row = self.db.execute(
            "SELECT etag, last_modified FROM feeds WHERE name = ?", (name,)
        ).fetchone()
        return (row[0], row[1]) if row else (None, None)

    def polled(
        self,
        name: str,
        *,
        at: float,
        etag: str | None = None,
        last_modified: str | None = None,
        error: str | None = None,
        keep_validators: bool = False,
    ) -> None:
        """Record a poll: new validators on success, the error (and a failure) otherwise."""
        with self.db:
            if error is not None:
                self.db.execute(
                    "UPDATE feeds SET last_polled = ?, last_error = ?, failed = failed + 1, "
                    "consecutive_failures = consecutive_failures + 1 WHERE name = ?",
                    (at, error, name),
                )
                self.db.execute(
                    "INSERT INTO events VALUES(?, ?, NULL, 'feed_failed', ?)", (_now(), name, error)
                )
            elif keep_validators:
                self.db.execute(
                    "UPDATE feeds SET last_polled = ?, last_error = NULL, "
                    "consecutive_failures = 0 WHERE name = ?",
                    (at, name),
                )
            else:
                self.db.execute(
                    "UPDATE feeds SET last_polled = ?, last_error = NULL, consecutive_failures = 0,"
                    " etag = ?, last_modified = ? WHERE name = ?",
                    (at, etag, last_modified, name),
                )

    def count(self, name: str, what: Counter, url: str | None, detail: str) -> None:
        """Add one to a feed's counter and keep the line in the event log."""
        with self.db:
            self.db.execute(f"UPDATE feeds SET {what} = {what} + 1 WHERE name = ?", (name,))
            self.db.execute(
                "INSERT INTO events VALUES(?, ?, ?, ?, ?)", (_now(), name, url, what, detail)
            )

    def feeds(self) -> list[FeedRecord]:
        rows = self.db.execute(
            "SELECT name, url, fetched, skipped, failed, last_polled, last_error, "
            "consecutive_failures FROM feeds ORDER BY name"
        ).fetchall()
        keys = FeedRecord.model_fields.keys()
        return [FeedRecord.model_validate(dict(zip(keys, r, strict=True))) for r in rows]

    # -- items -----------------------------------------------------------------------------

    def item(self, url: str) -> ItemRecord | None:
        row = self.db.execute(
            "SELECT url, feed, status, text_hash, doc_id, attempts, error FROM items WHERE url = ?",
            (url,),
        ).fetchone()
        if row is None:
            return None
        return ItemRecord.model_validate(
            dict(zip(ItemRecord.model_fields.keys(), row, strict=True))
        )

    def loaded_with_hash(self, text_hash: str) -> str | None:
        """The URL already loaded with this article text, if any (a duplicate story)."""
        row = self.db.execute(
            "SELECT url FROM items WHERE text_hash = ? AND status = 'loaded' LIMIT 1",
            (text_hash,),
        ).fetchone()
        return None if row is None else str(row[0])

    def settled(self, feed: str, url: str) -> bool:
        """Whether ``feed`` has already counted ``url`` (so later polls pass it quietly)."""
        row = self.db.execute(
            "SELECT 1 FROM feed_items WHERE feed = ? AND url = ?", (feed, url)
        ).fetchone()
        return row is not None

    def settle(self, feed: str, url: str) -> None:
        with self.db:
            self.db.execute("INSERT OR IGNORE INTO feed_items(feed, url) VALUES(?, ?)", (feed, url))

    def record_item(
        self,
        url: str,
        feed: str,
        status: ItemStatus,
        *,
        text_hash: str | None = None,
        doc_id: str | None = None,
        error: str | None = None,
    ) -> None:
        with self.db:
            self.db.execute(
                "INSERT INTO items(url, feed, status, text_hash, doc_id, attempts, error, "
                "updated_at) VALUES(?, ?, ?, ?, ?, 1, ?, ?) ON CONFLICT(url) DO UPDATE SET "
                "status = excluded.status, text_hash = excluded.text_hash, "
                "doc_id = excluded.doc_id, attempts = attempts + 1, error = excluded.error, "
                "updated_at = excluded.updated_at",
                (url, feed, status, text_hash, doc_id, error, _now()),
            )

    def items(self) -> list[ItemRecord]:
        rows = self.db.execute(
            "SELECT url, feed, status, text_hash, doc_id, attempts, error FROM items ORDER BY url"
        ).fetchall()
        keys = ItemRecord.model_fields.keys()
        return [ItemRecord.model_validate(dict(zip(keys, r, strict=True))) for r in rows]
