"""Feed and sitemap bodies -> items; the watch config's checks."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from graph.errors import ConfigError
from graph.ingest.feed_config import FeedSource, load_config
from graph.ingest.feeds import FeedParseError, parse_items
from tests.support.feed_server import rss

ATOM = b"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>t</title><id>urn:x</id>
<updated>2026-05-04T10:00:00Z</updated>
<entry><title>One</title><link href="https://news.example/1"/><id>urn:1</id>
<published>2026-05-03T09:00:00Z</published><updated>2026-05-04T10:00:00Z</updated></entry>
<entry><title>No link</title><id>urn:2</id><updated>2026-05-04T10:00:00Z</updated></entry>
<entry><title>Mail</title><link href="mailto:a@b.c"/><id>urn:3</id></entry>
</feed>"""

SITEMAP = b"""<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"
        xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">
<url><loc>https://news.example/a</loc><lastmod>2026-05-02</lastmod></url>
<url><loc> https://news.example/b </loc>
  <news:news><news:publication_date>2026-05-05T08:00:00+00:00</news:publication_date>
  <news:title>B</news:title></news:news></url>
<url><loc>ftp://news.example/c</loc></url>
</urlset>"""

INDEX = b"""<?xml version="1.0" encoding="UTF-8"?>
<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
<sitemap><loc>https://news.example/sm-1.xml</loc></sitemap></sitemapindex>"""


def test_atom_entries_with_http_links() -> None:
    items = parse_items(ATOM, "https://news.example/atom", "auto")
    assert [(i.url, i.title, i.published) for i in items] == [
        ("https://news.example/1", "One", dt.date(2026, 5, 3))
    ]


def test_rss_dates_and_titles() -> None:
    body = rss([("https://n.example/x", "X", "Tue, 05 May 2026 10:00:00 GMT")])
    (item,) = parse_items(body, "https://n.example/rss", "feed")
    assert (item.url, item.title, item.published) == (
        "https://n.example/x",
        "X",
        dt.date(2026, 5, 5),
    )


def test_sitemaps_pages_and_indexes() -> None:
    items = parse_items(SITEMAP, "https://news.example/sitemap.xml", "auto")
    assert [(i.url, i.title, i.published) for i in items] == [
        ("https://news.example/a", None, dt.date(2026, 5, 2)),
        ("https://news.example/b", "B", dt.date(2026, 5, 5)),
    ]
    (nested,) = parse_items(INDEX, "https://news.example/index.xml", "auto")
    assert nested.sitemap and nested.url == "https://news.example/sm-1.xml"


@pytest.mark.parametrize(
    ("body", "kind"),
    [
        (b"<urlset xmlns='http://www.sitemaps.org/schemas/sitemap/0.9'><url><loc>x", "sitemap"),
        (b"<html><body>a page, not a feed</body></html>", "auto"),
        (b"\x00\x01 binary", "feed"),
        (b"<other/>", "sitemap"),
        (
            b'<?xml version="1.0"?><!DOCTYPE l [<!ENTITY a "aaaa"><!ENTITY b "&a;&a;&a;&a;">'
            b'<!ENTITY c "&b;&b;&b;&b;">]><urlset><url><loc>&c;</loc></url></urlset>',
            "sitemap",
        ),
    ],
)
def test_unreadable_bodies_are_parse_errors(body: bytes, kind: str) -> None:
    with pytest.raises(FeedParseError):
        parse_items(body, "https://news.example/x", kind)


def test_include_and_exclude_patterns() -> None:
    feed = FeedSource(
        name="n",
        url="https://n.example/rss",
        include=["/politics/", "/world/"],
        exclude=["/video/"],
    )
    assert feed.wants("https://n.example/politics/1")
    assert not feed.wants("https://n.example/sport/1")
    assert not feed.wants("https://n.example/world/video/2")


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("feeds: [", "not valid YAML"),
        ("feeds: []", "feeds"),
        ("feeds: [{name: a, url: 'ftp://x'}]", "url"),
        ("feeds: [{name: a, url: 'https://x', include: ['(']}]", "bad pattern"),
        ("feeds: [{name: a, url: 'https://x'}, {name: a, url: 'https://y'}]", "unique"),
        ("feeds: [{name: a, url: 'https://x', interval: 5}]", "interval"),
    ],
)
def test_bad_configs_name_the_problem(tmp_path: Path, text: str, message: str) -> None:
    path = tmp_path / "watch.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ConfigError, match=message):
        load_config(path)


def test_config_state_is_relative_to_the_config(tmp_path: Path) -> None:
    path = tmp_path / "watch.yaml"
    path.write_text("state: s/watch.sqlite\nfeeds: [{name: a, url: 'https://x.example/rss'}]\n")
    assert load_config(path).state == tmp_path / "s" / "watch.sqlite"
