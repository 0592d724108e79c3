"""The read API against a real Neo4j loaded with the seed and tests/fixtures/api/ (real loader).

The fixture articles are invented for these tests: a port authority that meets a
robotics company twice, a freight council with a director and a planned meeting,
and two bodies that share the acronym TAC with the seed's program.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import Any, cast

import pytest
from fastapi.testclient import TestClient
from neo4j.exceptions import DriverError
from pydantic import SecretStr

from api.app import create_app
from graph.database.cypher import query
from graph.database.db import Graph
from graph.read import paths as paths_module
from graph.read.models import PathsResponse
from graph.read.paths import explain, search, shortest_paths
from graph.read.reads import Citations, Reads, ref_params
from graph.settings import Settings
from tests.support.documents import DOCS

API = "/api/v1"

MSIT = "gov:ministry-of-science-and-ict"
PORT = "Nordhavn Port Authority"


@pytest.fixture(scope="module")
def client(neo4j_settings: Settings, doc_ids: dict[str, str]) -> Iterator[TestClient]:
    settings = neo4j_settings.model_copy(update={"api_key": SecretStr("test-key")})
    with TestClient(create_app(settings), raise_server_exceptions=False) as c:
        yield c


def get(client: TestClient, path: str, expect: int = 200, **params: Any) -> Any:
    response = client.get(API + path, params=params)
    assert response.status_code == expect, response.text
    return response.json()


def between(a: str, b: str, **more: Any) -> dict[str, Any]:
    """Query parameters of /paths (``from`` is a Python keyword)."""
    return {"from": a, "to": b, **more}


def assert_error(body: dict[str, Any], code: str) -> None:
    assert set(body) == {"error"}
    assert body["error"]["code"] == code
    assert body["error"]["message"]
    assert "Traceback" not in body["error"]["message"]


# --- health ------------------------------------------------------------------------------------


def test_health_and_ready(client: TestClient) -> None:
    assert get(client, "/health")["status"] == "ok"
    assert get(client, "/ready") == {"status": "ready", "database": "neo4j"}


def test_ready_is_503_when_neo4j_is_unreachable(neo4j_settings: Settings) -> None:
    # A port nothing listens on: the process is alive, the database is not.
    dead = neo4j_settings.model_copy(update={"neo4j_uri": "bolt://127.0.0.1:9"})
    with TestClient(create_app(dead), raise_server_exceptions=False) as c:
        assert c.get(f"{API}/health").status_code == 200
        response = c.get(f"{API}/ready")
        assert response.status_code == 503
        assert_error(response.json(), "database_unavailable")


def test_openapi_documents_every_route(client: TestClient) -> None:
    assert client.get("/docs").status_code == 200
    spec = client.get("/openapi.json").json()
    paths = set(spec["paths"])
    for route in (
        "/health",
        "/ready",
        "/entities",
        "/entities/{ref}",
        "/entities/{ref}/met",
        "/who-met",
        "/meetings",
        "/paths",
        "/documents",
        "/documents/{doc_id}",
        "/cypher",
        "/stats",
    ):
        assert API + route in paths
    for path, methods in spec["paths"].items():
        if not path.startswith(API) or path.startswith(f"{API}/graph") or "analytics" in path:
            continue
        for method, op in methods.items():
            ok = op["responses"].get("200", {}).get("content", {}).get("application/json", {})
            assert ok.get("schema"), f"{method.upper()} {path} has no response model"


# --- entities ----------------------------------------------------------------------------------


def test_search_finds_names_and_aliases_ranked(client: TestClient) -> None:
    page = get(client, "/entities", q="MSIT")
    assert page["items"][0]["id"] == MSIT
    page = get(client, "/entities", q="ministry science")
    assert page["items"][0]["id"] == MSIT
    assert [h["score"] for h in page["items"]] == sorted(
        (h["score"] for h in page["items"]), reverse=True
    )
    page = get(client, "/entities", q="helix")
    assert {h["name"] for h in page["items"]} == {"Helix Robotics"}


def test_search_type_filter_and_pagination(client: TestClient) -> None:
    people = get(client, "/entities", type="Person", limit=100)
    assert people["items"] and all(h["type"] == "Person" for h in people["items"])
    first = get(client, "/entities", limit=2, offset=0)
    second = get(client, "/entities", limit=2, offset=2)
    assert first["total"] == second["total"] > 4
    assert len(first["items"]) == len(second["items"]) == 2
    assert not {h["id"] for h in first["items"]} & {h["id"] for h in second["items"]}


@pytest.mark.parametrize(
    "q", ['"', "AND", "OR (", "a:b", "x~", "*", "\\", "[1 TO 2]", "+-&&||!", "ministry)", "ü*?"]
)
def test_search_lucene_syntax_is_not_an_error(client: TestClient, q: str) -> None:
    page = get(client, "/entities", q=q)
    assert isinstance(page["items"], list)


def test_profile_by_alias_any_case(client: TestClient, doc_ids: dict[str, str]) -> None:
    for ref in ("MSIT", "msit", "Ministry of Science and ICT", MSIT):
        profile = get(client, f"/entities/{ref}")
        assert profile["id"] == MSIT
    assert "MSIT" in profile["aliases"]
    assert profile["type"] == "GovernmentBody"
    roles = {(e["event"]["kind"], e["role"]) for e in profile["events"]}
    assert ("workshop", "host") in roles
    assert {d["document"]["id"] for d in profile["documents"]} == {doc_ids[DOCS[0].name]}
    assert profile["counts"]["events"] == len(profile["events"]) >= 2
    assert profile["counts"]["met"] >= 2
    people = {a["other"]["name"] for a in profile["affiliations"] if a["direction"] == "in"}
    assert "Choi Woo-hyuk" in people


def test_profile_affiliation_in_words_with_evidence(client: TestClient) -> None:
    profile = get(client, "/entities/Sasha Baker")
    reps = [a for a in profile["affiliations"] if a["type"] == "REPRESENTS"]
    assert [a["other"]["name"] for a in reps] == ["OpenAI"]
    assert reps[0]["text"] == "Sasha Baker represents OpenAI as head of national security policy"
    assert "head of national security policy" in reps[0]["evidence"][0]["sentence"]
    assert reps[0]["evidence"][0]["document"]["id"] == reps[0]["evidence"][0]["doc_id"]


def test_profile_unknown_is_404_and_shared_acronym_is_409(client: TestClient) -> None:
    assert_error(get(client, "/entities/Nobody Inc", expect=404), "not_found")
    body = get(client, "/entities/TAC", expect=409)
    assert_error(body, "ambiguous")
    names = {c["name"] for c in body["error"]["candidates"]}
    assert names == {"Trusted AI Cyber Access Program", "Tallinn Aviation Council"}
    # An id always resolves, even where the alias is ambiguous.
    for candidate in body["error"]["candidates"]:
        assert get(client, f"/entities/{candidate['id']}")["name"] == candidate["name"]


# --- who met whom ------------------------------------------------------------------------------


def test_who_met_msit_openai_is_the_workshop_of_the_18th(client: TestClient) -> None:
    body = get(client, "/who-met", a="MSIT", b="OpenAI")
    assert body["met"] is True
    assert body["a"]["id"] == MSIT and body["b"]["name"] == "OpenAI"
    [meeting] = body["meetings"]
    assert meeting["event"]["kind"] == "workshop"
    assert meeting["event"]["day"] == 18
    assert meeting["event"]["status"] == "held"
    assert {meeting["role_a"], meeting["role_b"]} == {"host", "attendee"}
    sentences = [e["sentence"] for e in meeting["evidence"]]
    assert any("workshop on AI security with OpenAI on the 18th" in s for s in sentences)
    assert all(e["document"]["id"] == e["doc_id"] for e in meeting["evidence"])


def test_who_met_is_symmetric_and_empty_when_they_did_not(client: TestClient) -> None:
    there = get(client, "/who-met", a="OpenAI", b="MSIT")
    assert [m["event"]["id"] for m in there["meetings"]] == [
        m["event"]["id"] for m in get(client, "/who-met", a="MSIT", b="OpenAI")["meetings"]
    ]
    never = get(client, "/who-met", a="OpenAI", b="Anthropic")
    assert never["met"] is False and never["meetings"] == []


def test_who_met_by_ids_same_as_by_names_and_one_entity_met_no_one(client: TestClient) -> None:
    by_name = get(client, "/who-met", a="MSIT", b="OpenAI")
    by_id = get(client, "/who-met", a=MSIT, b=by_name["b"]["id"])
    assert by_id == by_name
    alone = get(client, "/who-met", a="OpenAI", b=by_name["b"]["id"])
    assert alone["a"] == alone["b"] and alone["met"] is False and alone["meetings"] == []


def test_who_met_unknown_is_404_with_the_closest_and_shared_acronym_is_409(
    client: TestClient,
) -> None:
    # either side: an acronym two bodies share is a 409 with both as candidates
    for a, b in (("TAC", "OpenAI"), ("OpenAI", "TAC")):
        body = get(client, "/who-met", a=a, b=b, expect=409)
        assert_error(body, "ambiguous")
        names = {c["name"] for c in body["error"]["candidates"]}
        assert names == {"Trusted AI Cyber Access Program", "Tallinn Aviation Council"}
    # a name nobody bears is a 404 naming the closest names; `a` is checked first
    for a, b in (("Helix Robotix", "OpenAI"), ("OpenAI", "Helix Robotix")):
        body = get(client, "/who-met", a=a, b=b, expect=404)
        assert_error(body, "not_found")
        assert "Helix Robotics" in [c["name"] for c in body["error"]["closest"]]
    body = get(client, "/who-met", a="Nobody Inc", b="TAC", expect=404)
    assert "'Nobody Inc'" in body["error"]["message"]
    body = get(client, "/who-met", a="TAC", b="Nobody Inc", expect=409)
    assert_error(body, "ambiguous")


def test_planned_meeting_does_not_count(client: TestClient) -> None:
    # The council's meeting with the port authority is only announced ("will meet").
    body = get(client, "/who-met", a="Baltic Freight Council", b=PORT)
    assert [m["event"]["status"] for m in body["meetings"]] == ["held"]
    assert body["meetings"][0]["event"]["date"] == "2026-04-15"
    planned = get(client, "/meetings", entity="Baltic Freight Council", status="planned")
    assert planned["total"] == 1
    assert planned["items"][0]["event"]["status"] == "planned"


def test_anthropic_met_the_ministry(client: TestClient) -> None:
    body = get(client, "/entities/Anthropic/met")
    assert body["entity"]["name"] == "Anthropic"
    [counterpart] = [c for c in body["counterparts"] if c["entity"]["id"] == MSIT]
    assert counterpart["meetings"] == 1
    [event] = counterpart["events"]
    assert event["event"]["day"] == 11
    assert any("Anthropic on the 11th" in e["sentence"] for e in event["evidence"])


def test_met_counts_first_last_and_filters(client: TestClient) -> None:
    body = get(client, f"/entities/{PORT}/met")
    by_name = {c["entity"]["name"]: c for c in body["counterparts"]}
    helix = by_name["Helix Robotics"]
    assert helix["meetings"] == 2
    assert (helix["first_date"], helix["last_date"]) == ("2026-03-02", "2026-04-15")
    assert helix["first_meeting"]["date"] == "2026-03-02"
    assert helix["last_meeting"]["date"] == "2026-04-15"
    assert [e["role"] for e in helix["events"]] == ["host", "host"]
    assert body["counterparts"][0]["entity"]["name"] == "Helix Robotics"  # most meetings first
    assert body["total"] == len(body["counterparts"])
    assert "Baltic Freight Council" in by_name  # the April ceremony, not the planned meeting

    since = get(client, f"/entities/{PORT}/met", since="2026-04-01")
    helix = next(c for c in since["counterparts"] if c["entity"]["name"] == "Helix Robotics")
    assert helix["meetings"] == 1 and helix["first_date"] == "2026-04-15"
    until = get(client, f"/entities/{PORT}/met", until="2026-03-31")
    assert {c["entity"]["name"] for c in until["counterparts"]} <= {"Helix Robotics", "Lena Dahl"}
    people = get(client, f"/entities/{PORT}/met", type="Person")
    assert people["counterparts"]
    assert all(c["entity"]["type"] == "Person" for c in people["counterparts"])
    capped = get(client, f"/entities/{PORT}/met", events_limit=1)["counterparts"][0]
    assert capped["meetings"] == 2 and len(capped["events"]) == 1
    assert capped["events"][0]["event"]["date"] == "2026-03-02"
    assert capped["last_meeting"]["date"] == "2026-04-15"  # from all meetings, not the list
    page = get(client, f"/entities/{PORT}/met", limit=1, offset=1)
    assert page["total"] == body["total"] and len(page["counterparts"]) == 1
    assert page["counterparts"][0] == body["counterparts"][1]


def test_met_default_page_is_20_counterparts_with_5_meetings_each(client: TestClient) -> None:
    body = get(client, f"/entities/{PORT}/met")
    assert body["limit"] == 20 and body["offset"] == 0
    wide = get(client, f"/entities/{PORT}/met", limit=200, events_limit=500)
    assert body["total"] == wide["total"]
    assert len(body["counterparts"]) == min(20, wide["total"])
    for short, full in zip(body["counterparts"], wide["counterparts"], strict=False):
        assert short["entity"] == full["entity"] and short["meetings"] == full["meetings"]
        assert short["events"] == full["events"][:5]


def test_met_errors(client: TestClient) -> None:
    assert_error(get(client, "/entities/Nobody Inc/met", expect=404), "not_found")
    body = get(client, "/entities/Helix Robotix/met", expect=404)
    assert "Helix Robotics" in [c["name"] for c in body["error"]["closest"]]
    body = get(client, "/entities/TAC/met", expect=409)
    assert_error(body, "ambiguous")
    names = {c["name"] for c in body["error"]["candidates"]}
    assert names == {"Trusted AI Cyber Access Program", "Tallinn Aviation Council"}
    # by a cursor too: the look-up's answer, not the page's
    page = get(client, f"/entities/{PORT}/met", limit=1)
    assert page["next_cursor"]
    cursor = page["next_cursor"]
    assert_error(get(client, "/entities/TAC/met", expect=409, cursor=cursor), "ambiguous")
    body = get(client, "/entities/OpenAI/met", expect=422, since="not-a-date")
    assert_error(body, "invalid_request")
    assert body["error"]["details"][0]["loc"] == ["query", "since"]


# --- meetings ----------------------------------------------------------------------------------


def test_meetings_with_participants_paginated(client: TestClient) -> None:
    everything = get(client, "/meetings", limit=200)
    assert everything["total"] == len(everything["items"]) >= 6
    dated = [m["event"]["date"] for m in everything["items"] if m["event"]["date"]]
    assert dated == sorted(dated, reverse=True)  # newest first
    workshop = next(m for m in everything["items"] if m["event"]["kind"] == "workshop")
    roles = {(p["entity"]["name"], p["role"]) for p in workshop["participants"]}
    assert ("Ministry of Science and ICT", "host") in roles
    assert ("OpenAI", "attendee") in roles
    assert workshop["evidence"] and workshop["evidence"][0]["sentence"]

    page = get(client, "/meetings", limit=2, offset=1)
    assert page["total"] == everything["total"]
    assert [m["event"]["id"] for m in page["items"]] == [
        m["event"]["id"] for m in everything["items"][1:3]
    ]


def test_meetings_filters(client: TestClient) -> None:
    port = get(client, "/meetings", entity=PORT, limit=200)
    assert port["total"] >= 3
    for meeting in port["items"]:
        assert PORT in {p["entity"]["name"] for p in meeting["participants"]}
    spring = get(client, "/meetings", entity=PORT, since="2026-03-01", until="2026-04-30")
    assert sorted(m["event"]["date"] for m in spring["items"]) == ["2026-03-02", "2026-04-15"]
    workshops = get(client, "/meetings", kind="WORKSHOP")
    assert workshops["items"] and all(m["event"]["kind"] == "workshop" for m in workshops["items"])
    assert get(client, "/meetings", entity="Nobody Inc", expect=404)["error"]["code"] == "not_found"


# --- paths -------------------------------------------------------------------------------------


def test_path_through_affiliation_and_event_in_words(client: TestClient) -> None:
    body = get(client, "/paths", **between("Lena Dahl", "Baltic Freight Council"))
    assert body["from"]["name"] == "Lena Dahl" and body["to"]["name"] == "Baltic Freight Council"
    [path] = body["paths"]
    assert path["hops"] == 3
    first, second = path["steps"]
    assert first["via"] == "REPRESENTS"
    assert first["text"] == "Lena Dahl represents Helix Robotics as chief operating officer"
    assert second["via"] == "event" and second["event"]["date"] == "2026-04-15"
    assert second["text"].startswith("Helix Robotics and Baltic Freight Council both attended")
    assert all(step["evidence"] for step in path["steps"])
    assert path["text"] == "; ".join(s["text"] for s in path["steps"])


def test_path_across_documents_and_hop_bound(client: TestClient) -> None:
    # Piret Kask -> her council -> the April ceremony -> the port authority.
    body = get(client, "/paths", **between("Piret Kask", PORT))
    assert body["paths"] and body["paths"][0]["hops"] == 3
    assert body["paths"][0]["steps"][0]["text"].startswith("Piret Kask represents Baltic")
    assert get(client, "/paths", **between("Piret Kask", PORT, max_hops=2))["paths"] == []
    unrelated = get(client, "/paths", **between("Piret Kask", "Anthropic"))
    assert unrelated["paths"] == []
    get(client, "/paths", expect=422, **between("Piret Kask", PORT, max_hops=7))
    assert get(client, "/paths", **between("OpenAI", "openai"))["paths"] == []


# --- documents and stats -----------------------------------------------------------------------


def test_documents_list_and_detail(client: TestClient, doc_ids: dict[str, str]) -> None:
    page = get(client, "/documents", limit=200)
    assert {d["id"] for d in page["items"]} == set(doc_ids.values())
    assert page["total"] == len(doc_ids)
    two = get(client, "/documents", limit=2, offset=1)
    assert [d["id"] for d in two["items"]] == [d["id"] for d in page["items"][1:3]]

    doc = get(client, f"/documents/{doc_ids['001_port_talks.txt']}")
    assert doc["title"] == "Port authority opens data talks with Helix Robotics"
    assert doc["published"] == "2026-03-04"
    assert doc["text"].startswith("The Nordhavn Port Authority held talks")
    facts = doc["facts"]
    assert {m["entity"]["name"] for m in facts["entities"]} >= {PORT, "Helix Robotics", "Lena Dahl"}
    [talks] = facts["meetings"]
    assert talks["event"]["date"] == "2026-03-02"
    assert {p["entity"]["name"] for p in talks["participants"]} >= {PORT, "Helix Robotics"}
    for p in talks["participants"]:
        for ev in p["evidence"]:
            assert ev["doc_id"] == doc["id"]
            assert doc["text"][ev["start"] : ev["end"]] == ev["sentence"]
    assert any(
        r["type"] == "REPRESENTS" and r["source"]["name"] == "Lena Dahl" for r in facts["relations"]
    )
    assert [q["speaker"]["name"] for q in facts["quotes"]] == ["Lena Dahl"]
    assert_error(get(client, "/documents/no-such-document", expect=404), "not_found")


def test_stats_counts_by_label_and_type(client: TestClient, graph: Graph) -> None:
    body = get(client, "/stats")
    labels = {c["name"]: c["count"] for c in body["labels"]}
    rels = {c["name"]: c["count"] for c in body["relationships"]}
    expected = graph.read("MATCH (e:Entity) RETURN count(e) AS n")[0]["n"]
    assert labels["Entity"] == expected > 10
    assert labels["Document"] == len(DOCS)
    assert rels["HOSTED"] > 0 and rels["ATTENDED"] > 0 and rels["REPRESENTS"] > 0
    assert body["nodes"] == graph.read("MATCH (n) RETURN count(n) AS n")[0]["n"]


# --- HTTP behaviour ----------------------------------------------------------------------------


def test_unknown_route_and_method_are_json_errors(client: TestClient) -> None:
    response = client.get(f"{API}/nowhere")
    assert response.status_code == 404
    assert_error(response.json(), "not_found")
    response = client.put(f"{API}/stats")
    assert response.status_code == 405
    assert_error(response.json(), "method_not_allowed")


def test_cors_closed_by_default_and_open_when_configured(
    client: TestClient, neo4j_settings: Settings
) -> None:
    headers = {"Origin": "https://example.org", "Access-Control-Request-Method": "GET"}
    closed = client.options(f"{API}/health", headers=headers)
    assert "access-control-allow-origin" not in closed.headers
    settings = neo4j_settings.model_copy(update={"cors_origins": ["https://example.org"]})
    with TestClient(create_app(settings)) as c:
        opened = c.options(f"{API}/health", headers=headers)
        assert opened.headers["access-control-allow-origin"] == "https://example.org"


def test_one_driver_per_app(neo4j_settings: Settings, doc_ids: dict[str, str]) -> None:
    app = create_app(neo4j_settings)
    with TestClient(app) as c:
        driver = app.state.graph.driver
        for _ in range(3):
            assert c.get(f"{API}/entities/OpenAI").status_code == 200
        assert app.state.graph.driver is driver
    with pytest.raises(DriverError):  # closed by the lifespan on shutdown
        driver.verify_connectivity()


def test_dates_in_the_future_filter_to_nothing(client: TestClient) -> None:
    later = (dt.date.today() + dt.timedelta(days=3650)).isoformat()
    assert get(client, f"/entities/{PORT}/met", since=later)["counterparts"] == []


# --- paths: the look-up and both ends' first rings in one statement (api/path_start) -------------


class _Counted:
    """A Graph that counts the statements read through it."""

    def __init__(self, graph: Graph) -> None:
        self.graph, self.driver = graph, graph.driver
        self.names: list[str] = []

    def read(self, text: str, params: Any = None, **kw: Any) -> Any:
        self.names.append(text)
        return self.graph.read(text, params, **kw)


@pytest.mark.parametrize(
    ("a", "b", "hops"),
    [
        ("Lena Dahl", "Baltic Freight Council", 6),
        ("Piret Kask", PORT, 6),
        ("Piret Kask", PORT, 2),
        ("Piret Kask", "Anthropic", 6),
        ("Lena Dahl", "Helix Robotics", 1),
        ("OpenAI", "openai", 6),
    ],
)
def test_paths_answer_as_the_look_up_then_the_search(
    client: TestClient, graph: Graph, a: str, b: str, hops: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The route's answer equals the former composition: resolve_many, then the search reading
    # every ring itself, one widening per statement; in fewer statements.
    former = _Counted(graph)
    reads = Reads(cast(Graph, former))
    x, y = reads.resolve_many(a, b)
    cite = Citations()
    with monkeypatch.context() as m:
        m.setattr(paths_module, "ALSO_ROWS", -1)  # no ring read ahead
        rows = search(reads, x.id, y.id, hops, 5, cite) if x.id != y.id else []
    paths = [explain(r["nodes"], r["rels"], cite) for r in rows]
    cite.resolve(graph)
    before = PathsResponse.model_validate({"from": x, "to": y, "max_hops": hops, "paths": paths})
    body = get(client, "/paths", **between(a, b, max_hops=hops))
    assert body == before.model_dump(mode="json", by_alias=True)
    counted = _Counted(graph)
    shortest_paths(Reads(cast(Graph, counted)), a, b, hops, 5)
    assert counted.names[0] == query("api/path_start")
    assert query("api/entity_by_refs") not in counted.names
    if x.id != y.id and hops > 1:  # both ends widened: their rings came with the look-up
        assert len(counted.names) <= len(former.names) - 2, (counted.names, former.names)
    else:
        assert len(counted.names) <= len(former.names)


def test_path_start_rings_are_path_neighbours_rows(graph: Graph) -> None:
    refs = [ref_params("Piret Kask"), ref_params(PORT)]
    head = graph.read(query("api/path_start"), {"refs": refs})[0]
    a, b = Reads(graph).resolve_many("Piret Kask", PORT)
    first = {r["n"]: r["entity"]["id"] for r in reversed(head["found"])}
    assert first == {0: a.id, 1: b.id}
    rings = graph.read(query("api/path_neighbours"), {"ids": [a.id, b.id]})

    def key(r: dict[str, Any]) -> tuple[Any, ...]:
        return (r["from"], r["to"], r["met"], r["rel"], r["degree"])

    assert head["near"] and sorted(head["near"], key=key) == sorted(rings, key=key)
    # an unknown end, or both ends the same entity: the look-up only
    for pair in (["Piret Kask", "Nobody Inc"], [PORT, PORT.lower()]):
        head = graph.read(query("api/path_start"), {"refs": [ref_params(t) for t in pair]})[0]
        assert head["near"] == []


def test_paths_unknown_or_ambiguous_end_as_before(client: TestClient) -> None:
    assert get(client, "/paths", expect=404, **between("Nobody Inc", PORT))["error"]["code"] == (
        "not_found"
    )
    assert get(client, "/paths", expect=404, **between(PORT, "Nobody Inc"))["error"]["code"] == (
        "not_found"
    )
    assert get(client, "/paths", expect=409, **between("TAC", PORT))["error"]["code"] == "ambiguous"


# --- answers written in the route's thread (api/answer.py) ---------------------------------------


def _as_fastapi_writes(model: Any) -> bytes:
    """The bytes FastAPI answers for a route returning ``model`` with ``response_model``."""
    from fastapi import FastAPI

    app = FastAPI()

    @app.get("/x", response_model=type(model))
    def x() -> Any:
        return model

    with TestClient(app) as c:
        response = c.get("/x")
    assert response.headers["content-type"] == "application/json"
    return bytes(response.content)


def test_read_answers_are_the_bytes_fastapi_would_write(client: TestClient, graph: Graph) -> None:
    reads = Reads(graph)
    met_kw: dict[str, Any] = {"since": None, "until": None, "type_": None, "offset": 0}
    cases: list[tuple[str, dict[str, Any], Any]] = [
        (f"/entities/{PORT}/met", {}, reads.met(PORT, limit=20, **met_kw)),
        (
            "/entities/Helix Robotics/met",
            {"limit": 1, "events_limit": 1},
            reads.met("Helix Robotics", limit=1, events_limit=1, **met_kw),
        ),
        ("/who-met", {"a": PORT, "b": "Helix Robotics"}, reads.who_met(PORT, "Helix Robotics")),
        (
            "/paths",
            between("Lena Dahl", "Baltic Freight Council"),
            shortest_paths(reads, "Lena Dahl", "Baltic Freight Council", 6, 5),
        ),
    ]
    for path, params, model in cases:
        response = client.get(API + path, params=params)
        assert response.status_code == 200, response.text
        assert response.headers["content-type"] == "application/json"
        assert response.content == _as_fastapi_writes(model), path
