"""The explorer and the API docs in headless Chromium (Debian's /usr/bin/chromium), offline.

Every request to a host other than 127.0.0.1 is refused and recorded; the tests assert none
was tried. Screenshots go to artifacts/ (gitignored); docs/img/explorer-*.png are copies.
What the pages should show is read from the graph, not from the extractor's exact output.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import quote

import pytest
from pydantic import SecretStr

from graph.database.db import Graph
from graph.ingest.loader import load_paths
from graph.read.reads import Reads
from graph.settings import Settings
from graph.store.graph_store import GraphStore
from tests.support.browser import ARTIFACTS, BROWSER_MARKS, Page, assert_offline
from tests.support.documents import DOCS, load_documents
from tests.support.reliability import ApiServer

KEY = "explorer-browser-key"
pytestmark = BROWSER_MARKS


@pytest.fixture(scope="module")
def sources(graph: Graph) -> dict[str, Path]:
    """Document id -> its file, for the seed and the API fixtures."""
    names = load_documents(graph, DOCS)
    by_name = {p.name: p for p in DOCS}
    return {doc_id: by_name[name] for name, doc_id in names.items()}


@pytest.fixture(scope="module")
def api_url(neo4j_settings: Settings, sources: dict[str, Path]) -> Iterator[str]:
    with ApiServer(neo4j_settings.model_copy(update={"api_key": SecretStr(KEY)})) as api:
        yield api.url


@pytest.mark.parametrize(
    ("path", "ready"),
    [("/docs", ".swagger-ui .information-container .title"), ("/redoc", "h1")],
    ids=["swagger-ui", "redoc"],
)
def test_api_docs_render_offline(api_url: str, context: Any, path: str, ready: str) -> None:
    page = Page(context)
    page.page.goto(f"{api_url}{path}")
    title = page.page.locator(ready).first
    title.wait_for(timeout=30_000)
    assert "whomet" in title.inner_text()
    # The operations are listed (the spec was fetched from this server and drawn).
    page.page.get_by_text("/api/v1/who-met").first.wait_for(timeout=30_000)
    ARTIFACTS.mkdir(exist_ok=True)
    page.page.screenshot(path=str(ARTIFACTS / f"api-docs-{path.strip('/')}.png"))
    assert_offline(page, context, api_url)


def _a_reported_meeting(graph: Graph) -> dict[str, Any]:
    """A held meeting with two or more participants and a report with offsets, and one of
    its participants whose name is unique (so the search lands on it)."""
    rows = graph.read(
        """
        MATCH (p:Entity)-[:HOSTED|ATTENDED]->(ev:Event {status: 'held'})<-[rp:REPORTS]-(:Document)
        WHERE rp.start IS NOT NULL AND size(p.name) >= 6
          AND COUNT { (:Entity)-[:HOSTED|ATTENDED]->(ev) } >= 2
          AND COUNT { (o:Entity) WHERE o.name = p.name } = 1
        RETURN p.id AS id, p.name AS name, ev.id AS event ORDER BY p.name, ev.id LIMIT 1
        """
    )
    assert rows, "the fixtures hold no reported meeting"
    return rows[0]


def test_search_entity_meeting_document_with_highlighted_sentence(
    api_url: str, context: Any, graph: Graph
) -> None:
    target = _a_reported_meeting(graph)
    page = Page(context)
    p = page.page
    p.goto(f"{api_url}/")
    p.locator("#q").press_sequentially(target["name"][:5], delay=40)
    suggestion = p.locator(".suggestions a", has_text=target["name"]).first
    suggestion.wait_for(timeout=10_000)
    with p.expect_navigation():
        suggestion.click()
    assert p.url == f"{api_url}/entity/{quote(target['id'], safe='')}"
    assert p.locator("h1.entity-name").inner_text() == target["name"]
    p.locator("iframe.ego").scroll_into_view_if_needed()
    p.wait_for_timeout(1500)  # the embedded graph lays itself out
    p.screenshot(path=str(ARTIFACTS / "explorer-entity.png"), full_page=False)

    link = p.locator(f'a.meeting[href="/meeting/{quote(target["event"], safe="/")}"]').first
    with p.expect_navigation():
        link.click()
    assert p.url.endswith(f"/meeting/{quote(target['event'], safe='/')}")
    participants = p.locator("table.hits tbody tr").count()
    assert participants >= 2
    p.screenshot(path=str(ARTIFACTS / "explorer-meeting.png"), full_page=False)

    report = p.locator("blockquote.evidence").first
    sentence = report.locator(".sentence").inner_text().strip()
    with p.expect_navigation():
        report.locator("a.source").click()
    assert "/document/" in p.url and "#focus" in p.url
    marked = p.locator("mark.focus")
    assert marked.count() >= 1
    assert "".join(marked.all_inner_texts()).strip() == sentence
    assert p.locator("mark#focus").is_visible()
    p.screenshot(path=str(ARTIFACTS / "explorer-document.png"), full_page=False)
    assert_offline(page, context, api_url)


def test_merge_in_the_page_survives_reloading_the_documents(
    api_url: str, context: Any, graph: Graph, sources: dict[str, Path]
) -> None:
    pair = graph.read(
        """
        MATCH (a:Entity), (b:Entity)
        WHERE a.type = b.type AND a.id < b.id
          AND COUNT { (o:Entity) WHERE o.name = b.name OR b.name IN o.aliases } = 1
        RETURN a.id AS keep, a.name AS keep_name, b.id AS drop, b.name AS drop_name,
               [(d:Document)-[:MENTIONS]->(b) | d.id] + [(d:Document)-[:MENTIONS]->(a) | d.id]
                 AS docs
        ORDER BY a.id, b.id LIMIT 1
        """
    )
    assert pair, "the fixtures hold no two entities of one type"
    keep, drop = pair[0]["keep"], pair[0]["drop"]
    page = Page(context)
    p = page.page
    p.goto(f"{api_url}/entity/{quote(keep, safe='')}")
    form = p.locator("#merge-form")
    form.locator("input[name=other]").fill(pair[0]["drop_name"])
    form.locator("input[name=api_key]").fill(KEY)
    with p.expect_navigation():
        form.locator("button").click()
    assert p.locator(".notice").inner_text().startswith(f"Merged {pair[0]['drop_name']}")
    assert_offline(page, context, api_url)

    # Reload every source of both: remove each document, then load its file again.
    store = GraphStore(graph)
    docs = sorted(set(pair[0]["docs"]))
    for doc_id in docs:
        store.remove(doc_id)
    summary = load_paths([sources[d] for d in docs], store, progress=False)
    assert not summary.failures

    reads = Reads(graph)
    assert reads.resolve(pair[0]["drop_name"]).id == keep
    assert not graph.read("MATCH (e:Entity {id: $id}) RETURN e", {"id": drop})
    p.goto(f"{api_url}/entity/{quote(pair[0]['drop_name'], safe='')}")
    assert p.locator("h1.entity-name").inner_text() == reads.resolve(keep).name


def test_a_fact_marked_wrong_in_the_page_stays_hidden_after_a_reload_and_comes_back(
    api_url: str, context: Any, graph: Graph, sources: dict[str, Path]
) -> None:
    found = graph.read(
        """
        MATCH (e:Entity)-[r:ATTENDED]->(ev:Event)
        RETURN e.id AS id, ev.id AS event, r.doc_ids AS docs ORDER BY e.id, ev.id LIMIT 1
        """
    )
    assert found, "the fixtures hold no attendance"
    entity, event = found[0]["id"], found[0]["event"]
    reads = Reads(graph)
    assert event in [e.event.id for e in reads.profile(entity).events]
    page = Page(context)
    p = page.page
    p.goto(f"{api_url}/entity/{quote(entity, safe='')}")
    form = p.locator("#wrong-form")
    form.locator("select[name=fact]").select_option(f"ATTENDED|{event}")
    form.locator("input[name=api_key]").fill(KEY)
    with p.expect_navigation():
        form.locator("button").click()
    assert "marked wrong" in p.locator(".notice").first.inner_text()
    assert event not in [e.event.id for e in reads.profile(entity).events]
    assert_offline(page, context, api_url)

    store = GraphStore(graph)
    docs = sorted(set(found[0]["docs"]))
    for doc_id in docs:
        store.remove(doc_id)
    summary = load_paths([sources[d] for d in docs], store, progress=False)
    assert not summary.failures
    assert event not in [e.event.id for e in reads.profile(entity).events]

    p.goto(f"{api_url}/entity/{quote(entity, safe='')}")
    undo = p.locator("#right-form")
    undo.locator("input[name=api_key]").fill(KEY)
    with p.expect_navigation():
        undo.locator("button").click()
    assert "put back" in p.locator(".notice").first.inner_text()
    assert event in [e.event.id for e in reads.profile(entity).events]


def test_an_entity_removed_in_the_page_stays_removed_after_a_reload_and_is_restored(
    api_url: str, context: Any, graph: Graph, sources: dict[str, Path]
) -> None:
    found = graph.read(
        """
        MATCH (e:Entity)<-[:MENTIONS]-(d:Document)
        WITH e, collect(d.id) AS docs ORDER BY e.id LIMIT 1
        RETURN e.id AS id, e.name AS name, docs
        """
    )
    assert found, "the fixtures hold no entity"
    entity, name = found[0]["id"], found[0]["name"]
    page = Page(context)
    p = page.page
    p.goto(f"{api_url}/entity/{quote(entity, safe='')}")
    form = p.locator("#remove-form")
    form.locator("input[name=api_key]").fill(KEY)
    with p.expect_navigation() as landed:
        form.locator("button").click()
    assert landed.value is not None and landed.value.status == 404  # its page is gone
    assert p.locator("h1").inner_text() == f"{name} was removed"
    # offline, and the one console error is the page's own 404 status
    assert context.outside == [] and all(u.startswith(api_url) for u in page.requests)
    assert len(page.errors) == 1 and "404" in page.errors[0], page.errors

    store = GraphStore(graph)
    docs = sorted(set(found[0]["docs"]))
    for doc_id in docs:
        store.remove(doc_id)
    summary = load_paths([sources[d] for d in docs], store, progress=False)
    assert not summary.failures
    assert graph.read("MATCH (e:Removed) RETURN e.id AS id") == [{"id": entity}]

    p.goto(f"{api_url}/entity/{quote(entity, safe='')}")
    restore = p.locator("#restore-form")
    restore.locator("input[name=api_key]").fill(KEY)
    with p.expect_navigation():
        restore.locator("button").click()
    assert p.locator("h1.entity-name").inner_text() == Reads(graph).resolve(entity).name
    assert "Restored" in p.locator(".notice").first.inner_text()
    assert not graph.read("MATCH (e:Removed) RETURN e")
