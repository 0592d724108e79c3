"""Feed and sitemap bodies -> the items they list (URL, title, date), nothing fetched here.

RSS and Atom go through feedparser, which tolerates most broken feeds; a feed it
cannot read at all (no entries and a parse error) is an error for that poll only.
Sitemaps (``urlset``, ``sitemapindex``, Google News extensions) are small XML read
with the standard library (expat refuses entity-expansion bombs).
"""

from __future__ import annotations

import datetime as dt
import time
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from typing import Any

import feedparser

from graph.errors import WhometError

_SM = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
_NEWS = "{http://www.google.com/schemas/sitemap-news/0.9}"


class FeedParseError(WhometError):
    """The body is not a feed or sitemap that can be read."""


@dataclass(frozen=True)
class FeedItem:
    """One story a feed lists; ``sitemap`` is True for a nested sitemap to follow."""

    url: str
    title: str | None = None
    published: dt.date | None = None
    sitemap: bool = False


def looks_like_sitemap(body: bytes) -> bool:
    head = body[:2000].lower()
    return b"<urlset" in head or b"<sitemapindex" in head


def parse_feed(body: bytes, base_url: str) -> list[FeedItem]:
    """RSS 0.9x/1.0/2.0 or Atom entries that have a link (entries without one are dropped)."""
    parsed: Any = feedparser.parse(body, response_headers={"content-location": base_url})
    entries = list(parsed.get("entries") or [])
    if parsed.get("bozo") and not entries:
        reason = parsed.get("bozo_exception")
        raise FeedParseError(f"{base_url}: not a readable feed ({reason})")
    if not entries and not parsed.get("version"):
        raise FeedParseError(f"{base_url}: not an RSS or Atom feed")
    items = []
    for entry in entries:
        link = entry.get("link")
        if not isinstance(link, str) or not link.lower().startswith(("http://", "https://")):
            continue
        when = entry.get("published_parsed") or entry.get("updated_parsed")
        published = dt.date(*when[:3]) if isinstance(when, time.struct_time) else None
        title = entry.get("title")
        items.append(
            FeedItem(
                url=link.strip(),
                title=title if isinstance(title, str) else None,
                published=published,
            )
        )
    return items


def _date(text: str | None) -> dt.date | None:
    if not text:
        return None
    try:
        return dt.date.fromisoformat(text.strip()[:10])
    except ValueError:
        return None


def parse_sitemap(body: bytes, base_url: str) -> list[FeedItem]:
    """A ``urlset`` (pages) or a ``sitemapindex`` (nested sitemaps, marked ``sitemap``)."""
    try:
        root = ET.fromstring(body)
    except ET.ParseError as exc:
        raise FeedParseError(f"{base_url}: malformed sitemap XML ({exc})") from exc
    items = []
    if root.tag == f"{_SM}sitemapindex":
        for sm in root.iter(f"{_SM}sitemap"):
            loc = (sm.findtext(f"{_SM}loc") or "").strip()
            if loc.lower().startswith(("http://", "https://")):
                items.append(FeedItem(url=loc, sitemap=True))
        return items
    if root.tag != f"{_SM}urlset":
        raise FeedParseError(f"{base_url}: not a sitemap (root element {root.tag})")
    for u in root.iter(f"{_SM}url"):
        loc = (u.findtext(f"{_SM}loc") or "").strip()
        if not loc.lower().startswith(("http://", "https://")):
            continue
        news = u.find(f"{_NEWS}news")
        title = news.findtext(f"{_NEWS}title") if news is not None else None
        published = _date(news.findtext(f"{_NEWS}publication_date") if news is not None else None)
        items.append(
            FeedItem(
                url=loc, title=title, published=published or _date(u.findtext(f"{_SM}lastmod"))
            )
        )
    return items


def parse_items(body: bytes, base_url: str, kind: str) -> list[FeedItem]:
    """Items of a feed (``kind`` 'feed'), a sitemap ('sitemap') or whichever it is ('auto')."""
    if kind == "sitemap" or (kind == "auto" and looks_like_sitemap(body)):
        return parse_sitemap(body, base_url)
    return parse_feed(body, base_url)
