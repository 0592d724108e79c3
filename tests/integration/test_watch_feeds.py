"""``whomet watch`` against feeds served from 127.0.0.1 and a real Neo4j.

Two feeds go through an outage, a malformed item, malformed XML, a story published
under two URLs, a URL listed by both feeds, a robots.txt refusal and a crash right
after a load; each story must end up in the graph exactly once.
"""

from __future__ import annotations

import collections
import json
from pathlib import Path

import pytest
from neo4j import Driver
from typer.testing import CliRunner

from cli.main import app
from graph.database.db import Graph
from graph.extract import extract
from graph.ingest.feed_config import FeedSource, WatchConfig
from graph.ingest.polite import PoliteClient
from graph.ingest.state import WatchState
from graph.ingest.watcher import Watcher
from graph.model import Extraction
from graph.store.graph_store import GraphStore
from graph.store.reports import LoadReport
from tests.support.feed_server import FeedServer, Page, article_html, rss

pytestmark = pytest.mark.db

runner = CliRunner()

PEOPLE = [
    ("Mara Velden", "Orlin Agency", "Tomas Greer", "Kestrel Systems", "Brandt"),
    ("Ilse Marek", "Vantor Ministry", "Paulo Drest", "Corvane Labs", "Ostrel"),
    ("Jana Kolt", "Sennet Council", "Rudi Falk", "Amberline Group", "Tavira"),
    ("Oskar Lind", "Marlow Institute", "Eva Strand", "Pelion Works", "Kessan"),
]


def story(k: int) -> bytes:
    a, org_a, b, org_b, city = PEOPLE[k]
    body = (
        f"{a}, director of the {org_a}, met {b} of {org_b} in {city} on May {k + 4}, 2026 "
        f"to discuss port security.\nThe two sides agreed to hold further talks in June, "
        f"{a.split()[1]} said."
    )
    return article_html(f"{a} meets {b}", body)


class CountingStore:
    """The real store, counting what each load did; ``crash_after`` simulates a kill."""

    def __init__(self, store: GraphStore, crash_after: str | None = None) -> None:
        self.store = store
        self.crash_after = crash_after
        self.statuses: collections.Counter[tuple[str, str]] = collections.Counter()

    def load(self, extraction: Extraction, *, force: bool = False) -> LoadReport:
        report = self.store.load(extraction, force=force)
        self.statuses[(report.doc_id, report.status)] += 1
        if extraction.document.meta.url == self.crash_after:
            raise KeyboardInterrupt("killed right after the load committed")
        return report


def _watcher(config: WatchConfig, state_path: Path, store: CountingStore) -> Watcher:
    client = PoliteClient(user_agent="whomet-test", per_host_interval_s=0.0, timeout_s=5.0)
    return Watcher(config, WatchState(state_path), store, client, extract)


def test_two_feeds_outage_malformed_duplicates_restart(
    site: FeedServer, driver: Driver, graph: Graph, tmp_path: Path
) -> None:
    u = site.url
    site.pages["/robots.txt"] = Page(
        b"User-agent: *\nDisallow: /private/\n", content_type="text/plain"
    )
    for k in range(4):
        site.pages[f"/s/{k}"] = Page(story(k))
    site.pages["/mirror/1"] = Page(story(1))  # the same story under a second URL
    site.pages["/s/bad"] = Page(b"\x00\x01\x02PK binary", content_type="application/octet-stream")
    site.pages["/private/9"] = Page(story(3))
    date = "Mon, 04 May 2026 10:00:00 GMT"
    site.pages["/a.rss"] = Page(
        rss(
            [
                (u("/s/0"), "zero", date),
                (u("/s/1"), "one", date),
                (u("/s/bad"), "bad", date),
                (u("/private/9"), "private", date),
            ]
        ).replace(b"</channel>", b"<item><title>no link</title></item></channel>"),
        content_type="application/rss+xml",
    )
    site.pages["/b.rss"] = Page(b"down for maintenance", status=503)
    config = WatchConfig(
        feeds=[FeedSource(name="alpha", url=u("/a.rss")), FeedSource(name="beta", url=u("/b.rss"))],
        per_host_interval_s=0.0,
    )
    state = tmp_path / "watch.sqlite"
    store = GraphStore(graph)
    counting = CountingStore(store, crash_after=u("/s/2"))

    # 1: beta is down; alpha loads two stories, fails the binary item, obeys robots.txt.
    _watcher(config, state, counting).run(once=True)

    # 2: beta is back, listing a URL alpha brought, a mirror of a story, and a new story;
    # alpha now serves broken XML. The watcher is killed right after loading /s/2.
    site.pages["/b.rss"] = Page(
        rss(
            [
                (u("/s/1"), "one", date),
                (u("/mirror/1"), "one again", date),
                (u("/s/2"), "two", date),
            ]
        ),
        content_type="application/rss+xml",
    )
    site.pages["/a.rss"] = Page(b'<?xml version="1.0"?>\x00<rss><chan', content_type="text/xml")
    with pytest.raises(KeyboardInterrupt):
        _watcher(config, state, counting).run(once=True)

    # 3: a restart (fresh process state, same file); alpha is fixed and adds a story.
    site.pages["/a.rss"] = Page(
        rss([(u("/s/0"), "zero", date), (u("/s/1"), "one", date), (u("/s/3"), "three", date)]),
        content_type="application/rss+xml",
        etag='"a-v3"',
    )
    counting.crash_after = None
    _watcher(config, state, counting).run(once=True)
    # 4: nothing new: alpha answers 304 to the ETag it gave, beta lists what is settled.
    before = len(site.requests)
    _watcher(config, state, counting).run(once=True)
    assert site.hits("/a.rss")[-1].get("If-None-Match") == '"a-v3"'
    # (a new process reads robots.txt again, then only the two feeds: no page is fetched)
    assert [p for p, _ in site.requests[before:]] == ["/robots.txt", "/a.rss", "/b.rss"]

    # Every story is one Document, whose URL is the first one it was seen under.
    rows = graph.read("MATCH (d:Document) RETURN d.url AS url, d.id AS id, d.source AS source")
    urls = collections.Counter(r["url"] for r in rows)
    assert urls == collections.Counter([u(f"/s/{k}") for k in range(4)])
    added = collections.Counter(
        doc for (doc, status), n in counting.statuses.items() for _ in range(n) if status == "added"
    )
    assert sorted(added.values()) == [1, 1, 1, 1]
    assert set(added) == {r["id"] for r in rows}
    assert all(status in {"added", "unchanged"} for _, status in counting.statuses)

    records = {r.name: r for r in WatchState(state).feeds()}
    # alpha: s0, s1, s3 loaded; the binary page and the broken-XML poll failed; robots skip.
    assert (records["alpha"].fetched, records["alpha"].skipped, records["alpha"].failed) == (
        3,
        1,
        2,
    )
    # beta: s2 loaded (after the restart); the shared URL and the mirror skipped; one outage.
    assert (records["beta"].fetched, records["beta"].skipped, records["beta"].failed) == (1, 2, 1)
    items = {i.url: i for i in WatchState(state).items()}
    assert items[u("/mirror/1")].status == "duplicate"
    assert items[u("/private/9")].status == "skipped"
    assert items[u("/s/bad")].status == "failed"
    assert not site.hits("/private/9")


SITEMAP_INDEX = """<?xml version="1.0" encoding="UTF-8"?>
<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
<sitemap><loc>{base}/sm-news.xml</loc></sitemap></sitemapindex>"""

SITEMAP = """<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"
        xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">
<url><loc>{base}/world/0</loc><news:news><news:title>Zero</news:title>
<news:publication_date>2026-05-04</news:publication_date></news:news></url>
<url><loc>{base}/world/video/1</loc></url>
<url><loc>{base}/sport/2</loc></url>
</urlset>"""


def test_a_sitemap_index_with_patterns(
    site: FeedServer, driver: Driver, graph: Graph, tmp_path: Path
) -> None:
    driver.execute_query("MATCH (n) DETACH DELETE n")
    base = site.base
    site.pages["/sitemap.xml"] = Page(
        SITEMAP_INDEX.format(base=base).encode(), content_type="text/xml"
    )
    site.pages["/sm-news.xml"] = Page(SITEMAP.format(base=base).encode(), content_type="text/xml")
    for path, k in (("/world/0", 0), ("/world/video/1", 1), ("/sport/2", 2)):
        site.pages[path] = Page(story(k))
    feed = FeedSource(
        name="sm", url=site.url("/sitemap.xml"), include=["/world/"], exclude=["/video/"]
    )
    config = WatchConfig(feeds=[feed], per_host_interval_s=0.0)
    store = CountingStore(GraphStore(graph))
    _watcher(config, tmp_path / "w.sqlite", store).run(once=True)
    rows = graph.read(
        "MATCH (d:Document) RETURN d.url AS url, d.title AS title, d.published AS published,"
        " d.source AS source"
    )
    assert len(rows) == 1
    assert rows[0]["url"] == site.url("/world/0")
    assert rows[0]["title"] == "Zero" and rows[0]["source"] == "sm"
    assert rows[0]["published"].iso_format() == "2026-05-04"
    assert not site.hits("/world/video/1") and not site.hits("/sport/2")


def test_the_watch_command_once_then_records(
    site: FeedServer,
    empty_cli_env: None,
    graph: Graph,
    tmp_path: Path,
) -> None:
    site.pages["/n.rss"] = Page(
        rss([(site.url("/s/3"), "three", "Mon, 04 May 2026 10:00:00 GMT")]),
        content_type="application/rss+xml",
    )
    site.pages["/s/3"] = Page(story(3))
    config = tmp_path / "watch.yaml"
    config.write_text(
        f"state: watch.sqlite\nper_host_interval_s: 0\nfeeds:\n"
        f"  - {{name: news, url: '{site.url('/n.rss')}', interval_s: 60}}\n",
        encoding="utf-8",
    )
    first = runner.invoke(app, ["watch", str(config), "--once"])
    assert first.exit_code == 0, first.output
    assert "news: 1 loaded, 0 skipped, 0 failed" in first.output
    again = runner.invoke(app, ["watch", str(config), "--once"])
    assert "news: 0 loaded, 0 skipped, 0 failed" in again.output
    records = runner.invoke(app, ["watch", str(config), "--records"])
    assert records.exit_code == 0 and "news" in records.output
    assert (tmp_path / "watch.sqlite").is_file()
    assert graph.read(
        "MATCH (d:Document {url: $u}) RETURN count(d) AS n", {"u": site.url("/s/3")}
    ) == [{"n": 1}]
    as_json = runner.invoke(app, ["watch", str(config), "--once", "--json"])
    assert as_json.exit_code == 0, as_json.output
    lines = [json.loads(line) for line in as_json.stdout.splitlines()]
    polls = [line for line in lines if line["event"] == "poll"]
    assert [(p["feed"], p["fetched"], p["failed"]) for p in polls] == [("news", 0, 0)]
    assert lines[-1]["event"] == "summary"
    assert lines[-1]["state"] == str(tmp_path / "watch.sqlite")
    assert [(f["name"], f["fetched"]) for f in lines[-1]["feeds"]] == [("news", 1)]
    totals = json.loads(runner.invoke(app, ["watch", str(config), "--records", "--json"]).stdout)
    assert totals["feeds"] == lines[-1]["feeds"]
    bad = tmp_path / "bad.yaml"
    bad.write_text("feeds: [{name: x, url: 'gopher://x'}]\n", encoding="utf-8")
    refused = runner.invoke(app, ["watch", str(bad), "--once"])
    assert refused.exit_code == 2 and "url" in refused.output


def test_a_stop_between_items_keeps_the_rest_for_the_next_run(
    site: FeedServer, driver: Driver, graph: Graph, tmp_path: Path
) -> None:
    driver.execute_query("MATCH (n) DETACH DELETE n")
    date = "Mon, 04 May 2026 10:00:00 GMT"
    site.pages["/f.rss"] = Page(
        rss([(site.url(f"/s/{k}"), str(k), date) for k in range(3)]),
        content_type="application/rss+xml",
        etag='"f1"',
    )
    for k in range(3):
        site.pages[f"/s/{k}"] = Page(story(k))
    config = WatchConfig(feeds=[FeedSource(name="f", url=site.url("/f.rss"))])
    state = tmp_path / "w.sqlite"
    store = CountingStore(GraphStore(graph))
    watcher = _watcher(config, state, store)

    class StopAfterFirst(CountingStore):
        def load(self, extraction: Extraction, *, force: bool = False) -> LoadReport:
            report = super().load(extraction, force=force)
            watcher.stop.set()  # as SIGTERM does
            return report

    watcher.store = StopAfterFirst(store.store)
    watcher.run()
    assert graph.read("MATCH (d:Document) RETURN count(d) AS n") == [{"n": 1}]
    assert WatchState(state).validators("f") == (None, None)  # the feed is read again next time
    _watcher(config, state, store).run(once=True)
    assert graph.read("MATCH (d:Document) RETURN count(d) AS n") == [{"n": 3}]
    assert site.hits("/f.rss")[-1].get("If-None-Match") is None
    assert WatchState(state).validators("f")[0] == '"f1"'
