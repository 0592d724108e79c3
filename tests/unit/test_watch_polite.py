"""PoliteClient against a server on 127.0.0.1: robots.txt, pacing, caps, conditional GET."""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest

from graph.errors import DocumentSourceError, DocumentTooLarge
from graph.ingest.polite import PoliteClient, RobotsRefused
from tests.support.feed_server import FeedServer, Page


def client(interval: float = 0.0, timeout: float = 5.0) -> PoliteClient:
    return PoliteClient(user_agent="whomet-test", per_host_interval_s=interval, timeout_s=timeout)


def test_robots_txt_disallow_is_obeyed_and_read_once(site: FeedServer) -> None:
    site.pages["/robots.txt"] = Page(
        b"User-agent: *\nDisallow: /members/\n", content_type="text/plain"
    )
    site.pages["/members/a"] = Page(b"secret")
    site.pages["/news/a"] = Page(b"news")
    with client() as c:
        with pytest.raises(RobotsRefused):
            c.fetch(site.url("/members/a"), max_bytes=1000)
        assert c.fetch(site.url("/news/a"), max_bytes=1000).body == b"news"
        assert c.fetch(site.url("/news/a"), max_bytes=1000).body == b"news"
    assert not site.hits("/members/a")
    assert len(site.hits("/robots.txt")) == 1


def test_no_robots_txt_allows_and_a_failing_one_refuses(site: FeedServer) -> None:
    site.pages["/a"] = Page(b"a")
    with client() as c:
        assert c.fetch(site.url("/a"), max_bytes=10).body == b"a"
    site.pages["/robots.txt"] = Page(b"oops", status=503)
    with client() as c, pytest.raises(DocumentSourceError, match="robots.txt"):
        c.fetch(site.url("/a"), max_bytes=10)


def test_requests_to_one_host_are_paced(site: FeedServer) -> None:
    site.pages["/a"] = Page(b"a")
    sent: list[float] = []
    with client(interval=0.3) as c:
        for _ in range(3):
            c.fetch(site.url("/a"), max_bytes=10)
            sent.append(c._last[urlsplit(site.url("/a")).netloc])
    # the client's own send times: the server's arrival stamps jitter on a busy machine
    gaps = [b - a for a, b in zip(sent, sent[1:], strict=False)]
    assert len(site.hits("/a")) == 3
    assert len(gaps) == 2 and min(gaps) >= 0.3


def test_crawl_delay_is_honoured_when_longer_than_the_pace(site: FeedServer) -> None:
    site.pages["/robots.txt"] = Page(b"User-agent: *\nCrawl-delay: 1\n", content_type="text/plain")
    site.pages["/a"] = Page(b"a")
    with client(interval=0.0) as c:
        c.fetch(site.url("/a"), max_bytes=10)
        c.fetch(site.url("/a"), max_bytes=10)
    stamps = [t for p, t in site.times if p == "/a"]
    assert stamps[1] - stamps[0] >= 0.95  # (robotparser reads whole seconds only)


def test_size_cap_timeout_and_http_errors(site: FeedServer) -> None:
    site.pages["/big"] = Page(b"x" * 5000)
    site.pages["/slow"] = Page(b"late", delay_s=1.5)
    site.pages["/gone"] = Page(b"", status=410)
    with client(timeout=0.5) as c:
        with pytest.raises(DocumentTooLarge):
            c.fetch(site.url("/big"), max_bytes=4999)
        with pytest.raises(DocumentSourceError, match="timed out"):
            c.fetch(site.url("/slow"), max_bytes=100)
        with pytest.raises(DocumentSourceError, match="HTTP 410"):
            c.fetch(site.url("/gone"), max_bytes=100)
        with pytest.raises(DocumentSourceError, match="only http"):
            c.fetch("file:///etc/passwd", max_bytes=100)


def test_conditional_get_sends_the_validators(site: FeedServer) -> None:
    site.pages["/feed"] = Page(b"<rss/>", etag='"v1"')
    with client() as c:
        first = c.fetch(site.url("/feed"), max_bytes=100)
        assert (first.status, first.etag) == (200, '"v1"')
        again = c.fetch(site.url("/feed"), max_bytes=100, etag=first.etag)
        assert again.not_modified and again.body == b""
        site.pages["/feed"] = Page(b"<rss>new</rss>", etag='"v2"')
        changed = c.fetch(site.url("/feed"), max_bytes=100, etag=first.etag)
        assert changed.body == b"<rss>new</rss>" and changed.etag == '"v2"'
    assert site.hits("/feed")[1].get("If-None-Match") == '"v1"'
