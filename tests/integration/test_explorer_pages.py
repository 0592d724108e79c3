"""The explorer's pages and the lookups behind them, over the seed and tests/fixtures/api/.

Expected values are read from the graph itself (the extractor is being reworked), so these
tests check that the pages and answers say what the database holds.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from html import unescape
from typing import Any
from urllib.parse import quote

import pytest
from fastapi.testclient import TestClient
from pydantic import SecretStr

from api.app import create_app
from graph.database.db import Graph
from graph.settings import Settings

pytestmark = pytest.mark.db
KEY = "explorer-test-key"


@pytest.fixture(scope="module")
def client(neo4j_settings: Settings, doc_ids: dict[str, str]) -> Iterator[TestClient]:
    settings = neo4j_settings.model_copy(update={"api_key": SecretStr(KEY)})
    with TestClient(create_app(settings), raise_server_exceptions=False) as c:
        yield c


def page(client: TestClient, path: str, expect: int = 200, **params: Any) -> str:
    response = client.get(path, params=params)
    assert response.status_code == expect, response.text[:500]
    assert response.headers["content-type"].startswith("text/html")
    return unescape(response.text)


def href(kind: str, node_id: str) -> str:
    """A link as the templates write it (Jinja's urlencode keeps only '/')."""
    return f'href="/{kind}/{quote(node_id, safe="/")}"'


def one(graph: Graph, cypher: str, **params: Any) -> dict[str, Any]:
    rows = graph.read(cypher, params)
    assert rows, cypher
    return rows[0]


def test_every_page_of_the_explorer_answers_html(client: TestClient, graph: Graph) -> None:
    ev = one(graph, "MATCH (ev:Event) RETURN ev.id AS id ORDER BY ev.id LIMIT 1")["id"]
    doc = one(graph, "MATCH (d:Document) RETURN d.id AS id ORDER BY d.id LIMIT 1")["id"]
    ent = one(graph, "MATCH (e:Entity) RETURN e.id AS id, e.name AS name ORDER BY e.id LIMIT 1")
    for path in ("/", "/search", "/meetings", "/documents", "/who-met"):
        assert "<main>" in page(client, path)
    assert ent["name"] in page(client, f"/entity/{ent['id']}")
    assert ev in page(client, f"/meeting/{ev}")
    assert doc in page(client, f"/document/{doc}")


def test_search_is_fuzzy_and_lists_type_and_counts(client: TestClient, graph: Graph) -> None:
    row = one(
        graph,
        "MATCH (e:Entity) WHERE size(e.name) >= 8 AND NOT e.name CONTAINS ' ' "
        "RETURN e.id AS id, e.name AS name, e.type AS type, "
        "COUNT { (e)-[:HOSTED|ATTENDED]->(:Event) } AS events ORDER BY e.id LIMIT 1",
    )
    name: str = row["name"]
    typo = name[:3] + name[4:]  # one letter dropped
    hits = client.get("/api/v1/entities", params={"q": typo}).json()["items"]
    assert row["id"] in [h["id"] for h in hits]
    html = page(client, "/search", q=typo)
    cells = re.search(
        rf"{re.escape(href('entity', row['id']))}>{re.escape(name)}</a></td>\s*<td>([^<]*)</td>"
        r'\s*<td>[^<]*</td>\s*<td class="num">(\d+)</td>',
        html,
    )
    assert cells is not None, html[:2000]
    assert cells.group(1) == row["type"]
    assert int(cells.group(2)) == row["events"]


def test_unknown_name_answers_404_with_the_closest(client: TestClient, graph: Graph) -> None:
    row = one(
        graph,
        "MATCH (e:Entity) WHERE size(e.name) >= 8 AND NOT e.name CONTAINS ' ' "
        "RETURN e.id AS id, e.name AS name ORDER BY e.id LIMIT 1",
    )
    typo = row["name"][:-2] + "zq"
    response = client.get(f"/api/v1/entities/{typo}")
    assert response.status_code == 404
    error = response.json()["error"]
    assert error["code"] == "not_found"
    assert row["id"] in [c["id"] for c in error["closest"]]
    html = page(client, f"/entity/{typo}", expect=404)
    assert href("entity", row["id"]) in html


def test_a_name_several_entities_bear_gets_a_chooser(client: TestClient, graph: Graph) -> None:
    # Two bodies share an alias in the fixtures (the acronym TAC); the graph says which.
    rows = graph.read(
        "MATCH (e:Entity) UNWIND e.aliases AS alias WITH alias, collect(e.id) AS ids "
        "WHERE size(ids) > 1 RETURN alias, ids ORDER BY alias LIMIT 1"
    )
    assert rows, "the fixtures hold no alias that two entities share"
    alias, ids = rows[0]["alias"], rows[0]["ids"]
    api = client.get(f"/api/v1/entities/{alias}")
    assert api.status_code == 409
    assert set(ids) <= {c["id"] for c in api.json()["error"]["candidates"]}
    html = page(client, f"/entity/{alias}", expect=409)
    for entity_id in ids:
        assert href("entity", entity_id) in html


BROWSER = {"Accept": "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"}


def test_a_graph_page_for_a_name_it_cannot_settle_offers_a_choice(
    client: TestClient, graph: Graph
) -> None:
    """A browser at ``/graph/entity/{name}`` gets the chooser (409) or the closest names (404)
    as a page whose links open the graph page; ``/api/v1`` and non-browser clients keep
    JSON errors."""
    shared = graph.read(
        "MATCH (e:Entity) UNWIND e.aliases AS alias WITH alias, collect(e.id) AS ids "
        "WHERE size(ids) > 1 RETURN alias, ids ORDER BY alias LIMIT 1"
    )
    assert shared, "the fixtures hold no alias that two entities share"
    named = one(
        graph,
        "MATCH (e:Entity) WHERE size(e.name) >= 8 AND NOT e.name CONTAINS ' ' "
        "RETURN e.id AS id, e.name AS name ORDER BY e.id LIMIT 1",
    )
    typo = named["name"][:-2] + "zq"
    cases = [
        (shared[0]["alias"], 409, "ambiguous", shared[0]["ids"]),
        (typo, 404, "not_found", [named["id"]]),
    ]
    for asked, status, code, ids in cases:
        response = client.get(f"/graph/entity/{asked}", headers=BROWSER)
        assert response.status_code == status
        assert response.headers["content-type"].startswith("text/html")
        html = unescape(response.text)
        for entity_id in ids:
            assert href("graph/entity", entity_id) in html
        for path, headers in (
            (f"/api/v1/graph/entity/{asked}", BROWSER),
            (f"/graph/entity/{asked}", {}),
        ):
            answer = client.get(path, headers=headers)
            assert answer.status_code == status
            assert answer.json()["error"]["code"] == code


def test_time_filters_count_the_undated_they_leave_out(client: TestClient, graph: Graph) -> None:
    undated = one(graph, "MATCH (ev:Event) WHERE ev.year IS NULL RETURN count(ev) AS n")["n"]
    everything = one(graph, "MATCH (ev:Event) RETURN count(ev) AS n")["n"]
    assert undated > 0, "the seed's undated workshop should be in the graph"
    ranged = client.get("/api/v1/meetings", params={"since": "1900-01-01"}).json()
    assert ranged["undated_left_out"] == undated
    assert ranged["total"] == everything - undated
    kept = client.get(
        "/api/v1/meetings", params={"since": "1900-01-01", "include_undated": True}
    ).json()
    assert kept["undated_left_out"] == 0
    assert kept["total"] == everything
    assert client.get("/api/v1/meetings").json()["total"] == everything
    html = page(client, "/meetings", since="1900-01-01")
    assert f"{undated} undated meeting" in html


def test_documents_list_filters_by_date_and_pages(client: TestClient, graph: Graph) -> None:
    counts = one(
        graph,
        "MATCH (d:Document) RETURN count(d) AS all, count(d.published) AS dated, "
        "min(d.published) AS first",
    )
    html = page(client, "/documents", since=str(counts["first"]))
    assert f"{counts['dated']} in all" in html
    if counts["all"] > counts["dated"]:
        assert f"{counts['all'] - counts['dated']} document" in html
    html = page(client, "/documents", since=str(counts["first"]), include_undated="true")
    assert f"{counts['all']} in all" in html


def test_document_page_marks_each_fact_at_its_offsets(client: TestClient, graph: Graph) -> None:
    row = one(
        graph,
        "MATCH (d:Document)-[rp:REPORTS]->(:Event) WHERE rp.start IS NOT NULL "
        "RETURN d.id AS id, d.text AS text, rp.start AS start, rp.end AS end "
        "ORDER BY d.id LIMIT 1",
    )
    html = page(client, f"/document/{row['id']}", at=f"{row['start']}-{row['end']}")
    focus = re.search(r'<mark class="[^"]*focus"[^>]* id="focus"[^>]*>(.*?)</mark>', html, re.S)
    assert focus is not None
    assert row["text"][row["start"] : row["end"]].startswith(focus.group(1))
    body = re.search(r'<article class="doc-text[^"]*">(.*?)</article>', html, re.S)
    assert body is not None
    assert re.sub(r"<[^>]+>", "", body.group(1)) == row["text"]


def test_merge_from_the_page_needs_the_key(client: TestClient, graph: Graph) -> None:
    pair = graph.read(
        "MATCH (a:Entity), (b:Entity) WHERE a.type = b.type AND a.id < b.id "
        "RETURN a.id AS keep, b.id AS drop, b.name AS name ORDER BY a.id, b.id LIMIT 1"
    )[0]
    wrong = client.post(
        f"/entity/{pair['keep']}/merge", data={"other": pair["drop"], "api_key": "nope"}
    )
    assert wrong.status_code == 401
    assert graph.read("MATCH (e:Entity {id: $id}) RETURN e", {"id": pair["drop"]})


def test_remove_from_the_page_then_restore_from_its_404(client: TestClient, graph: Graph) -> None:
    row = one(
        graph,
        "MATCH (e:Entity)-[:HOSTED|ATTENDED]->(ev:Event)<-[:HOSTED|ATTENDED]-(o:Entity) "
        "WHERE e <> o RETURN e.id AS id, e.name AS name, ev.id AS ev, o.id AS other "
        "ORDER BY e.id, ev.id, o.id LIMIT 1",
    )
    link = href("entity", row["id"])
    assert 'id="remove-form"' in page(client, f"/entity/{row['id']}")
    assert link in page(client, f"/meeting/{row['ev']}")
    url = f"/entity/{quote(row['id'], safe='')}"
    wrong = client.post(f"{url}/remove", data={"api_key": "nope"}, follow_redirects=False)
    assert wrong.status_code == 401
    assert not graph.read("MATCH (e:Removed) RETURN e")
    try:
        done = client.post(f"{url}/remove", data={"api_key": KEY}, follow_redirects=False)
        assert done.status_code == 303 and done.headers["location"] == url
        gone = page(client, url, expect=404)
        assert f'action="{url}/restore"' in gone and row["name"] in gone
        assert link not in page(client, f"/meeting/{row['ev']}")
        assert link not in page(client, f"/entity/{row['other']}")
        assert link not in page(client, "/search", q=row["name"])
        refused = client.post(f"{url}/restore", data={"api_key": "nope"}, follow_redirects=False)
        assert refused.status_code == 401
        assert page(client, url, expect=404)
    finally:
        back = client.post(f"{url}/restore", data={"api_key": KEY}, follow_redirects=False)
    assert back.status_code == 303 and back.headers["location"].startswith(f"{url}?corrected=")
    assert row["name"] in page(client, url)
    assert link in page(client, f"/meeting/{row['ev']}")
    assert not graph.read("MATCH (e:Removed) RETURN e")
