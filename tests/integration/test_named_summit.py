"""Issue 14: "a summit can appear twice (as a named Event entity and as the meeting it names)".

An invented article goes through the real loader (extraction and store) into a real Neo4j.
The store keeps the summit twice, by design: an entity (the name the text mentions) and the
meeting held under that name. The first test shows that; the others check that every graph
view draws it once, and that the explorer links the two instead of showing an empty entity.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from html import unescape
from urllib.parse import quote

import networkx as nx
import pytest
from fastapi.testclient import TestClient

from api.app import create_app
from graph.database.db import Graph
from graph.database.schema import apply_schema
from graph.ingest.loader import load_paths
from graph.read import views as views_read
from graph.read.reads import Reads
from graph.settings import Settings
from graph.store.graph_store import GraphStore
from viz import views
from viz.render import to_network

pytestmark = pytest.mark.db

SUMMIT = "Veltria-Ostland Summit"
ARTICLE = f"""Title: Leaders gather for the {SUMMIT}
Date: 2025-03-12
Source: Northern Wire

Veltrian President Mara Quell and Ostland Prime Minister Daven Rusk attended the {SUMMIT} \
in Korvath on Tuesday, officials said.

The two leaders discussed grain exports and a new rail link.
"""


@pytest.fixture(scope="module")
def loaded(graph: Graph, tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    """The article loaded; the ids of the summit as an entity and as the meeting."""
    path = tmp_path_factory.mktemp("summit") / "veltria_ostland_summit.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    apply_schema(graph)
    summary = load_paths([path], GraphStore(graph), progress=False)
    assert not summary.failures, summary.failures
    rows = graph.read(
        "MATCH (en:EventName {name: $name}) "
        "MATCH (ev:Event {name: $name})<-[:HOSTED|ATTENDED]-(p:Entity) "
        "RETURN en.id AS entity, ev.id AS meeting, collect(p.name) AS participants",
        {"name": SUMMIT},
    )
    assert len(rows) == 1, f"the extractor no longer stores the summit twice: {rows}"
    assert {"Mara Quell", "Daven Rusk"} <= set(rows[0]["participants"])
    return {"entity": rows[0]["entity"], "meeting": rows[0]["meeting"]}


@pytest.fixture(scope="module")
def client(neo4j_settings: Settings, loaded: dict[str, str]) -> Iterator[TestClient]:
    with TestClient(create_app(neo4j_settings), raise_server_exceptions=False) as c:
        yield c


def summit_nodes(g: nx.Graph) -> list[str]:
    """Nodes drawn with the summit's name (an entity's label is its name, a meeting's label
    its name and date)."""
    return [n for n, a in g.nodes(data=True) if SUMMIT in str(a.get("label", ""))]


def test_the_store_keeps_the_summit_as_an_entity_and_as_a_meeting(
    graph: Graph, loaded: dict[str, str]
) -> None:
    """The duplicate the issue saw, at its source: two nodes for one happening, tied only
    by the name one document gives both. The views fold them (below)."""
    labels = graph.read(
        "MATCH (n {id: $id}) RETURN labels(n) AS labels UNION ALL "
        "MATCH (n {id: $ev}) RETURN labels(n) AS labels",
        {"id": loaded["entity"], "ev": loaded["meeting"]},
    )
    assert [sorted(r["labels"]) for r in labels] == [["Entity", "EventName"], ["Event"]]
    assert views_read.read_event_names(graph, [loaded["entity"]]) == {
        loaded["entity"]: [loaded["meeting"]]
    }


def test_the_whole_view_draws_the_summit_once(graph: Graph, loaded: dict[str, str]) -> None:
    read = views_read.read_whole_graph(graph)
    drawn = {r.source.id for r in read.rows}
    assert {loaded["entity"], loaded["meeting"]} <= drawn  # both were read ...
    g = views.whole_view(read, max_nodes=None)
    assert summit_nodes(g) == [loaded["meeting"]]  # ... one is drawn
    node = g.nodes[loaded["meeting"]]
    assert node["named_entity"] == loaded["entity"] and node["kind"] == "event"
    names = {g.nodes[p]["name"] for p in g.predecessors(loaded["meeting"])}
    assert {"Mara Quell", "Daven Rusk"} <= names
    page_labels = [n["label"] for n in to_network(g).nodes]
    assert sum(SUMMIT in label for label in page_labels) == 1


@pytest.mark.parametrize(
    "path",
    [
        "/graph?format=json",
        "/graph/entity/Mara%20Quell?format=json",
        f"/graph/entity/{SUMMIT}?format=json",
        "/graph/events?start=2025-03-01&end=2025-03-31&format=json",
        "/api/v1/graph?format=json",
    ],
)
def test_every_graph_view_draws_the_summit_once(
    client: TestClient, loaded: dict[str, str], path: str
) -> None:
    response = client.get(path)
    assert response.status_code == 200, response.text
    nodes = response.json()["nodes"]
    assert [n["id"] for n in nodes if SUMMIT in n["label"]] == [loaded["meeting"]]


def test_the_summits_own_graph_page_centres_on_the_meeting(
    client: TestClient, graph: Graph, loaded: dict[str, str]
) -> None:
    """Asked for the summit as an entity, the neighbourhood is that of the meeting it names
    (the entity alone has no relationships: the page once showed one lone node)."""
    assert Reads(graph).resolve(SUMMIT).id == loaded["entity"]
    body = client.get(f"/graph/entity/{SUMMIT}", params={"format": "json"}).json()
    assert body["graph"]["center"] == loaded["meeting"]
    assert [n["id"] for n in body["nodes"] if SUMMIT in n["label"]] == [loaded["meeting"]]
    assert {"Mara Quell", "Daven Rusk"} <= {n.get("name") for n in body["nodes"]}


@pytest.mark.parametrize("path", ["/graph", f"/graph/entity/{SUMMIT}"])
def test_the_graph_pages_label_the_summit_once(
    client: TestClient, loaded: dict[str, str], path: str
) -> None:
    page = client.get(path)
    assert page.status_code == 200 and page.headers["content-type"].startswith("text/html")
    assert page.text.count(f'"label": "{SUMMIT}') == 1


def href(kind: str, node_id: str) -> str:
    """A link as the templates write it (Jinja's urlencode keeps only '/')."""
    return f'href="/{kind}/{quote(node_id, safe="/")}"'


def test_the_explorer_links_the_summit_entity_and_its_meeting(
    client: TestClient, loaded: dict[str, str]
) -> None:
    entity_page = unescape(client.get(f"/entity/{loaded['entity']}").text)
    assert "No meeting found" not in entity_page
    assert "the name of 1 meeting" in entity_page
    assert href("meeting", loaded["meeting"]) in entity_page

    meeting_page = unescape(client.get(f"/meeting/{loaded['meeting']}").text)
    named = re.search(r'<dd class="named-event">(.*?)</dd>', meeting_page)
    assert named is not None
    assert href("entity", loaded["entity"]) in named.group(1) and SUMMIT in named.group(1)

    search = unescape(client.get("/search", params={"q": SUMMIT}).text)
    row = re.search(rf"{href('entity', loaded['entity'])}.*?</tr>", search, re.S)
    assert row is not None, search[:2000]
    meetings, documents = re.findall(r'<td class="num">(\d+)</td>', row.group(0))
    assert (meetings, documents) == ("1", "1")


def test_the_summits_api_profile_lists_the_meeting_held_under_its_name(
    client: TestClient, graph: Graph, loaded: dict[str, str]
) -> None:
    """``GET /entities/{ref}`` of the summit as an entity: its events are the meetings held
    under its name (it took part in none), with the sentences that report them; a
    participant's profile has the same meeting with its own role."""
    response = client.get(f"/api/v1/entities/{quote(SUMMIT)}")
    assert response.status_code == 200, response.text
    profile = response.json()
    assert profile["id"] == loaded["entity"]
    named = views_read.read_event_names(graph, [loaded["entity"]])[loaded["entity"]]
    assert [e["event"]["id"] for e in profile["events"]] == named == [loaded["meeting"]]
    assert {e["role"] for e in profile["events"]} == {"name"}
    assert profile["counts"]["events"] == len(named)
    event = profile["events"][0]
    assert event["event"]["name"] == SUMMIT and event["implied"] is False
    reported = graph.read(
        "MATCH (d:Document)-[rp:REPORTS]->(:Event {id: $id}) RETURN d.id AS doc, rp.sentence AS s",
        {"id": loaded["meeting"]},
    )
    assert reported and {(e["doc_id"], e["sentence"]) for e in event["evidence"]} == {
        (r["doc"], r["s"]) for r in reported
    }
    assert all(e["document"]["id"] == e["doc_id"] for e in event["evidence"])

    mara = client.get(f"/api/v1/entities/{quote('Mara Quell')}").json()
    roles = {e["event"]["id"]: e["role"] for e in mara["events"]}
    assert roles.get(loaded["meeting"]) in {"host", "attendee", "speaker"}


def test_a_meeting_held_under_the_name_is_not_a_fact_to_mark_wrong(
    graph: Graph, loaded: dict[str, str]
) -> None:
    """The entity page's "mark a fact wrong" lists the entity's own facts: the summit took
    part in no meeting, so the meeting held under its name is not one of them."""
    from api.explorer.fixes import fact_choices

    profile = Reads(graph).profile(loaded["entity"])
    assert [e.event.id for e in profile.events] == [loaded["meeting"]]
    assert not [value for value, _ in fact_choices(profile) if loaded["meeting"] in value]
