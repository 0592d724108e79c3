"""Issue 14: one rule for every "undated left out" count. A time-filtered answer that leaves
undated items out counts exactly the items the same question would have returned with
``include_undated=true``: ``/meetings`` (and its explorer page), ``/entities/{ref}/met``,
``/graph/events`` and the explorer's ``/documents``.

The counts differ between those answers because they ask different questions (``/met`` lists
held meetings with a counterpart; ``/meetings`` and the events view any meeting the filters
keep), never because they count by different rules. So the expectations here are taken from
the same endpoint asked again with ``include_undated=true``, across filters, on invented
documents stored through the real store into a real Neo4j: undated meetings of every status,
with implied participants, with counterparts of several types, and dated ones in and out of
the ranges (to the day, the month, the year).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from typing import Any
from urllib.parse import unquote

import pytest
from fastapi.testclient import TestClient

from api.app import create_app
from graph.database.db import Graph
from graph.model import Extraction
from graph.settings import Settings
from graph.store.graph_store import GraphStore
from tests.support.store import COM, GOV, PER, Doc

pytestmark = pytest.mark.db

SENTENCES = {
    "in_range": "Ana Ruiz met the Vesta Ministry on 10 March 2025.",
    "before": "Ana Ruiz met the Vesta Ministry again on 1 June 2024.",
    "month": "Ana Ruiz and Cato Lind met in May 2025.",
    "year": "Borin Works met Dora Vale in 2023.",
    "talks": "Ana Ruiz held talks with Borin Works.",
    "cato": "Ana Ruiz also met Cato Lind.",
    "three": "Ana Ruiz, Cato Lind and Borin Works sat down together.",
    "alone": "Ana Ruiz spoke at a forum that Borin Works may have joined.",
    "implied": "Cato Lind met Dora Vale at a dinner Ana Ruiz may have hosted.",
    "others": "The Vesta Ministry received Dora Vale.",
    "planned": "Ana Ruiz will visit Borin Works.",
    "cancelled": "A call between Ana Ruiz and the Vesta Ministry was called off.",
}
TEXT = " ".join(SENTENCES.values())
UNDATED_DOC = "An undated note: Dora Vale met Cato Lind."
ANA, CATO = "Ana Ruiz", "Cato Lind"
RANGES: list[dict[str, str]] = [
    {"since": "2025-01-01", "until": "2025-12-31"},
    {"since": "2025-01-01"},
    {"until": "2024-12-31"},
    {"since": "2025-05-15", "until": "2025-05-20"},  # inside the month-only meeting
]


def extraction() -> Extraction:
    s = SENTENCES
    doc = (
        Doc("undated-rule", TEXT, published=dt.date(2025, 3, 12))
        .entity("ana", ANA, PER)
        .entity("vesta", "Vesta Ministry", GOV)
        .entity("borin", "Borin Works", COM)
        .entity("cato", CATO, PER)
        .entity("dora", "Dora Vale", PER)
        .meeting("in_range", s["in_range"], None, ["ana", "vesta"], day=dt.date(2025, 3, 10))
        .meeting("before", s["before"], None, ["ana", "vesta"], day=dt.date(2024, 6, 1))
        .meeting("month", s["month"], None, ["ana", "cato"])
        .meeting("year", s["year"], None, ["borin", "dora"])
        .meeting("talks", s["talks"], None, ["ana", "borin"], kind="talks")
        .meeting("cato", s["cato"], None, ["ana", "cato"])
        .meeting("three", s["three"], None, ["ana", "cato", "borin"], kind="talks")
        .meeting("alone", s["alone"], None, ["ana"], kind="forum", implied=["borin"])
        .meeting("implied", s["implied"], None, ["cato", "dora"], kind="dinner", implied=["ana"])
        .meeting("others", s["others"], "vesta", ["dora"])
        .meeting("planned", s["planned"], None, ["ana", "borin"], kind="visit", status="planned")
        .meeting(
            "cancelled", s["cancelled"], None, ["ana", "vesta"], kind="call", status="cancelled"
        )
    )
    ex = doc.build()
    partly = {"month": {"year": 2025, "month": 5}, "year": {"year": 2023}}
    meetings = [
        m.model_copy(
            update={
                **partly[m.key],
                "date_precision": "month" if "month" in partly[m.key] else "year",
            }
        )
        if m.key in partly
        else m
        for m in ex.meetings
    ]
    return ex.model_copy(update={"meetings": meetings})


def undated_document() -> Extraction:
    return (
        Doc("undated-rule-note", UNDATED_DOC)
        .entity("dora", "Dora Vale", PER)
        .entity("cato", CATO, PER)
        .meeting("note", UNDATED_DOC, None, ["dora", "cato"], kind="meeting")
        .build()
    )


@pytest.fixture(scope="module")
def loaded(graph: Graph, schema: None) -> Extraction:
    ex = extraction()
    store = GraphStore(graph)
    store.load(ex)
    store.load(undated_document())
    return ex


@pytest.fixture(scope="module")
def client(neo4j_settings: Settings, loaded: Extraction) -> Iterator[TestClient]:
    with TestClient(create_app(neo4j_settings), raise_server_exceptions=False) as c:
        yield c


def get(client: TestClient, path: str, **params: Any) -> Any:
    response = client.get(path, params=params)
    assert response.status_code == 200, f"{path} {params}: {response.text}"
    return response.json()


def undated(event: dict[str, Any]) -> bool:
    return event.get("date") is None and event.get("year") is None


def test_the_documents_hold_what_the_rule_is_about(client: TestClient, loaded: Extraction) -> None:
    """Undated meetings of every status, some /met cannot count, and a dated one to the month
    and one to the year (never counted as undated)."""
    everything = get(client, "/api/v1/meetings", limit=200)
    statuses = {m["event"]["status"] for m in everything["items"] if undated(m["event"])}
    assert statuses == {"held", "planned", "cancelled"}
    partial = [m["event"] for m in everything["items"] if m["event"]["date"] is None]
    assert {(e["year"], e["month"]) for e in partial if e["year"]} == {(2025, 5), (2023, None)}


# --- /meetings ------------------------------------------------------------------------------

MEETING_FILTERS: list[dict[str, str]] = [
    {},
    {"entity": ANA},
    {"entity": CATO},
    {"kind": "talks"},
    {"status": "held"},
    {"status": "planned"},
    {"status": "cancelled"},
    {"entity": ANA, "status": "held"},
]


@pytest.mark.parametrize("filters", MEETING_FILTERS, ids=lambda f: "&".join(f.values()) or "all")
@pytest.mark.parametrize("dates", RANGES, ids=lambda r: "-".join(r.values()))
def test_meetings_leave_out_what_include_undated_lists(
    client: TestClient, loaded: Extraction, filters: dict[str, str], dates: dict[str, str]
) -> None:
    asked = {**filters, **dates, "limit": 200}
    without = get(client, "/api/v1/meetings", **asked)
    kept = get(client, "/api/v1/meetings", **asked, include_undated="true")
    ids = {m["event"]["id"] for m in without["items"]}
    added = [m["event"] for m in kept["items"] if m["event"]["id"] not in ids]
    assert ids <= {m["event"]["id"] for m in kept["items"]}
    assert all(undated(e) for e in added)
    assert without["undated_left_out"] == len(added)
    assert kept["undated_left_out"] == 0
    assert kept["total"] == without["total"] + without["undated_left_out"]


def test_meetings_without_a_range_leave_nothing_out(client: TestClient, loaded: Extraction) -> None:
    for filters in MEETING_FILTERS:
        body = get(client, "/api/v1/meetings", **filters, limit=200)
        assert body["undated_left_out"] == 0
        assert body == get(client, "/api/v1/meetings", **filters, limit=200, include_undated="true")


# --- /entities/{ref}/met ----------------------------------------------------------------------


def met_events(body: dict[str, Any]) -> dict[str, dict[str, Any]]:
    """The distinct meetings a /met answer lists, over all its counterparts."""
    return {e["event"]["id"]: e["event"] for c in body["counterparts"] for e in c["events"]}


@pytest.mark.parametrize("who", [ANA, CATO, "Borin Works", "Dora Vale"])
@pytest.mark.parametrize("type_", [None, "Person", "Company", "GovernmentBody"])
@pytest.mark.parametrize("dates", RANGES, ids=lambda r: "-".join(r.values()))
def test_met_leaves_out_what_include_undated_lists(
    client: TestClient,
    loaded: Extraction,
    who: str,
    type_: str | None,
    dates: dict[str, str],
) -> None:
    asked: dict[str, Any] = {**dates, "limit": 200, "events_limit": 500}
    if type_:
        asked["type"] = type_
    path = f"/api/v1/entities/{who}/met"
    without = get(client, path, **asked)
    kept = get(client, path, **asked, include_undated="true")
    before, after = met_events(without), met_events(kept)
    assert before.keys() <= after.keys()
    added = [after[i] for i in after.keys() - before.keys()]
    assert all(undated(e) for e in added)
    assert without["undated_left_out"] == len(added)
    assert kept["undated_left_out"] == 0
    # every meeting a counterpart lists is counted in its `meetings`, and nothing else
    for body in (without, kept):
        for c in body["counterparts"]:
            assert c["meetings"] == len(c["events"])


def test_the_counts_differ_by_question_not_by_rule(client: TestClient, loaded: Extraction) -> None:
    """For Ana and one range: /meetings leaves out every undated meeting she is part of (any
    status, implied or not); /met only those a held meeting with a counterpart would list."""
    dates = RANGES[0]
    listed = get(client, "/api/v1/meetings", entity=ANA, **dates, limit=200)
    met = get(client, f"/api/v1/entities/{ANA}/met", **dates, limit=200)
    assert met["undated_left_out"] < listed["undated_left_out"]
    everything = get(client, "/api/v1/meetings", entity=ANA, limit=200)["items"]
    held_with_someone = [
        m
        for m in everything
        if undated(m["event"])
        and m["event"]["status"] == "held"
        and any(p["entity"]["name"] == ANA and not p["implied"] for p in m["participants"])
        and any(p["entity"]["name"] != ANA and not p["implied"] for p in m["participants"])
    ]
    assert met["undated_left_out"] == len(held_with_someone)
    assert listed["undated_left_out"] == sum(undated(m["event"]) for m in everything)


# --- /graph/events ----------------------------------------------------------------------------


def drawn_meetings(body: dict[str, Any]) -> set[str]:
    return {n["id"] for n in body["nodes"] if n["kind"] == "event"}


@pytest.mark.parametrize("dates", RANGES, ids=lambda r: "-".join(r.values()))
def test_events_view_leaves_out_what_include_undated_draws(
    client: TestClient, loaded: Extraction, dates: dict[str, str]
) -> None:
    asked = {
        "start": dates.get("since", "1900-01-01"),
        "end": dates.get("until", "2100-12-31"),
        "format": "json",
    }
    without = get(client, "/api/v1/graph/events", **asked)
    kept = get(client, "/api/v1/graph/events", **asked, include_undated="true")
    before, after = drawn_meetings(without), drawn_meetings(kept)
    assert before <= after
    added = after - before
    assert without["graph"]["undated_left_out"] == len(added) > 0
    assert kept["graph"]["undated_left_out"] == 0
    assert kept["graph"]["undated_included"] == len(added)
    # the events view and /meetings ask the same question (any meeting, any status) of a range
    listed = get(client, "/api/v1/meetings", since=asked["start"], until=asked["end"], limit=200)
    assert {m["event"]["id"] for m in listed["items"]} == before
    assert listed["undated_left_out"] == without["graph"]["undated_left_out"]


# --- explorer lists ---------------------------------------------------------------------------


def listed_meetings(page: str) -> list[str]:
    """The meetings a list page shows (each row starts with its link; participants are
    nested lists, so the rows are found by that link)."""
    assert '<ul class="list meetings">' in page
    return [unquote(i) for i in re.findall(r'<a class="meeting" href="/meeting/([^"]+)"', page)]


def note_count(page: str) -> int:
    note = re.search(r'<p class="notice undated-note">(\d+) ', page)
    return int(note.group(1)) if note else 0


@pytest.mark.parametrize("filters", [{}, {"entity": ANA}, {"status": "held"}], ids=str)
def test_the_meetings_page_counts_what_include_undated_lists(
    client: TestClient, loaded: Extraction, filters: dict[str, str]
) -> None:
    dates = RANGES[0]
    without = client.get("/meetings", params={**filters, **dates})
    kept = client.get("/meetings", params={**filters, **dates, "include_undated": "true"})
    assert without.status_code == kept.status_code == 200
    shown, more = listed_meetings(without.text), listed_meetings(kept.text)
    assert set(shown) <= set(more) and len(more) < 20  # one page holds them all
    assert note_count(without.text) == len(set(more) - set(shown)) > 0
    assert note_count(kept.text) == 0
    api = get(client, "/api/v1/meetings", **filters, **dates, limit=200)
    assert note_count(without.text) == api["undated_left_out"]


def listed_documents(page: str) -> list[str]:
    return re.findall(r'<a href="/document/([^"]+)"', page)


@pytest.mark.parametrize("dates", RANGES, ids=lambda r: "-".join(r.values()))
def test_the_documents_page_counts_what_include_undated_lists(
    client: TestClient, loaded: Extraction, dates: dict[str, str]
) -> None:
    without = client.get("/documents", params=dates)
    kept = client.get("/documents", params={**dates, "include_undated": "true"})
    assert without.status_code == kept.status_code == 200
    shown, more = listed_documents(without.text), listed_documents(kept.text)
    assert set(shown) <= set(more)
    assert note_count(without.text) == len(set(more) - set(shown)) > 0
    assert note_count(kept.text) == 0
