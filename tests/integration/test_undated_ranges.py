"""Issue 14: a date range never drops undated meetings without a word. Every time-filtered
answer (``/entities/{ref}/met``, ``/graph/events`` as data and as a page, ``whomet viz
--from/--to``) takes ``include_undated`` and says how many undated meetings it left out.

One invented document, stored through the real store into a real Neo4j; the expected
counts are derived from its meetings, not typed in.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from api.app import create_app
from graph.database.db import Graph
from graph.model import Extraction, Meeting
from graph.settings import Settings
from graph.store.graph_store import GraphStore
from tests.support.store import COM, GOV, PER, Doc

pytestmark = pytest.mark.db

SENTENCES = {
    "march": "Ana Ruiz met the Vesta Ministry on 10 March 2025.",
    "last_year": "Ana Ruiz met the Vesta Ministry again on 1 June 2024.",
    "talks": "Ana Ruiz held talks with Borin Works.",
    "cato": "Ana Ruiz also met Cato Lind.",
    "alone": "Ana Ruiz spoke at a forum that Borin Works may have joined.",
    "planned": "Ana Ruiz will visit Borin Works.",
}
TEXT = " ".join(SENTENCES.values())
START, END = dt.date(2025, 1, 1), dt.date(2025, 12, 31)
ANA = "Ana Ruiz"


def extraction() -> Extraction:
    s = SENTENCES
    doc = (
        Doc("undated-ranges", TEXT, published=dt.date(2025, 3, 12))
        .entity("ana", ANA, PER)
        .entity("vesta", "Vesta Ministry", GOV)
        .entity("borin", "Borin Works", COM)
        .entity("cato", "Cato Lind", PER)
        .meeting("march", s["march"], None, ["ana", "vesta"], day=dt.date(2025, 3, 10))
        .meeting("last_year", s["last_year"], None, ["ana", "vesta"], day=dt.date(2024, 6, 1))
        .meeting("talks", s["talks"], None, ["ana", "borin"], kind="talks")
        .meeting("cato", s["cato"], None, ["ana", "cato"])
        # no counterpart but an implied one: not a meeting /met counts, yet an undated event
        .meeting("alone", s["alone"], None, ["ana"], kind="forum", implied=["borin"])
        .meeting("planned", s["planned"], None, ["ana", "borin"], kind="visit", status="planned")
    )
    return doc.build()


@pytest.fixture(scope="module")
def loaded(graph: Graph, schema: None) -> Extraction:
    ex = extraction()
    GraphStore(graph).load(ex)
    return ex


@pytest.fixture(scope="module")
def client(neo4j_settings: Settings, loaded: Extraction) -> Iterator[TestClient]:
    with TestClient(create_app(neo4j_settings), raise_server_exceptions=False) as c:
        yield c


def undated(ex: Extraction) -> list[Meeting]:
    return [m for m in ex.meetings if m.date is None and m.year is None]


def met_undated(ex: Extraction, entity: str, counterpart_type: str | None = None) -> set[str]:
    """Keys of the held undated meetings where ``entity`` met someone (of that type)."""
    types = {e.key: e.type.value for e in ex.entities}
    out = set()
    for m in undated(ex):
        present = {p.entity for p in m.participants if not p.optional}
        others = [k for k in present - {entity} if counterpart_type in (None, types[k])]
        if m.status == "held" and entity in present and others:
            out.add(m.key)
    return out


def met(client: TestClient, **params: Any) -> dict[str, Any]:
    response = client.get(f"/api/v1/entities/{ANA}/met", params=params)
    assert response.status_code == 200, response.text
    body: dict[str, Any] = response.json()
    return body


def meeting_counts(body: dict[str, Any]) -> dict[str, int]:
    return {c["entity"]["name"]: c["meetings"] for c in body["counterparts"]}


# --- /entities/{ref}/met ------------------------------------------------------------------


def test_met_in_a_range_counts_the_undated_meetings_it_left_out(
    client: TestClient, loaded: Extraction
) -> None:
    left_out = met_undated(loaded, "ana")
    assert left_out == {"talks", "cato"}  # the document holds what the test is about
    ranged = met(client, since=START.isoformat(), until=END.isoformat())
    assert meeting_counts(ranged) == {"Vesta Ministry": 1}
    assert ranged["undated_left_out"] == len(left_out)
    assert ranged["total"] == 1
    # only the counterparts of the asked type count
    people = met(client, since=START.isoformat(), type="Person")
    assert people["counterparts"] == []
    assert people["undated_left_out"] == len(met_undated(loaded, "ana", "Person")) == 1


def test_met_with_include_undated_keeps_them_and_leaves_nothing_out(
    client: TestClient, loaded: Extraction
) -> None:
    kept = met(client, since=START.isoformat(), until=END.isoformat(), include_undated=True)
    assert kept["undated_left_out"] == 0
    assert meeting_counts(kept) == {"Vesta Ministry": 1, "Borin Works": 1, "Cato Lind": 1}
    borin = next(c for c in kept["counterparts"] if c["entity"]["name"] == "Borin Works")
    assert (borin["first_date"], borin["last_date"]) == (None, None)
    assert [e["event"]["kind"] for e in borin["events"]] == ["talks"]
    assert borin["events"][0]["evidence"][0]["sentence"] == SENTENCES["talks"]
    # one bound only, and the type filter, hold as well
    since = met(client, since=START.isoformat(), include_undated=True, type="Person")
    assert meeting_counts(since) == {"Cato Lind": 1}


def test_met_without_a_range_leaves_nothing_out(client: TestClient, loaded: Extraction) -> None:
    everything = met(client)
    assert everything["undated_left_out"] == 0
    assert meeting_counts(everything) == {"Vesta Ministry": 2, "Borin Works": 1, "Cato Lind": 1}
    # include_undated changes nothing without a range
    assert met(client, include_undated=True) == everything


# --- /graph/events ------------------------------------------------------------------------


def events(client: TestClient, **params: Any) -> dict[str, Any]:
    query = {"start": START.isoformat(), "end": END.isoformat(), "format": "json", **params}
    response = client.get("/api/v1/graph/events", params=query)
    assert response.status_code == 200, response.text
    body: dict[str, Any] = response.json()
    return body


def meeting_nodes(body: dict[str, Any]) -> list[dict[str, Any]]:
    return [n for n in body["nodes"] if n["kind"] == "event"]


def test_events_view_counts_the_undated_in_its_json(client: TestClient, loaded: Extraction) -> None:
    n = len(undated(loaded))
    assert n == 4
    body = events(client)
    assert body["graph"]["undated_left_out"] == n
    assert body["graph"]["undated_included"] == 0
    assert [m["event_kind"] for m in meeting_nodes(body)] == ["meeting"]  # 10 March 2025 only
    assert any(
        f"{n} meetings with no date are not shown" in note for note in body["graph"]["notes"]
    )
    # /meetings counts the same ones for the same range
    listed = client.get("/api/v1/meetings", params={"since": START, "until": END}).json()
    assert listed["undated_left_out"] == n


def test_events_view_with_include_undated_draws_them(
    client: TestClient, loaded: Extraction
) -> None:
    n = len(undated(loaded))
    body = events(client, include_undated="true")
    assert body["graph"]["undated_left_out"] == 0
    assert body["graph"]["undated_included"] == n
    kinds = sorted(m["event_kind"] for m in meeting_nodes(body))
    assert kinds == sorted(["meeting", *(m.kind for m in undated(loaded))])
    assert any(f"{n} meetings with no date are shown" in note for note in body["graph"]["notes"])


def test_events_page_shows_the_note_and_links_to_the_undated(
    client: TestClient, loaded: Extraction
) -> None:
    n = len(undated(loaded))
    query = {"start": START.isoformat(), "end": END.isoformat()}
    page = client.get("/graph/events", params=query)
    assert page.status_code == 200
    notes = re.findall(r'<p class="note">(.*?)</p>', page.text)
    assert any(f"{n} meetings with no date are not shown" in note for note in notes), notes
    link = re.search(r'<a class="show-undated" href="([^"]+)"', page.text)
    assert link is not None
    target = link.group(1).replace("&amp;", "&")
    assert target.startswith("/graph/events?") and "include_undated=true" in target
    kept = client.get(target)
    assert kept.status_code == 200
    assert f"{n} meetings with no date are shown as well" in kept.text
    assert 'class="show-undated"' not in kept.text


# --- whomet viz --from/--to ---------------------------------------------------------------


def test_cli_range_view_counts_or_draws_the_undated(
    tmp_path: Path, loaded: Extraction, cli_env: None
) -> None:
    from cli.main import app

    n = len(undated(loaded))
    runner = CliRunner()
    out = tmp_path / "range.json"
    base = ["viz", "--from", START.isoformat(), "--to", END.isoformat(), "--out", str(out)]
    result = runner.invoke(app, [*base, "--json"])
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    assert (report["undated_left_out"], report["undated_included"]) == (n, 0)
    assert json.loads(out.read_text(encoding="utf-8"))["graph"]["undated_left_out"] == n

    result = runner.invoke(app, base)
    assert result.exit_code == 0, result.output
    assert f"undated meetings left out: {n} (--include-undated draws them)" in result.stdout

    result = runner.invoke(app, [*base, "--include-undated", "--json"])
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    assert (report["undated_left_out"], report["undated_included"]) == (0, n)
    drawn = json.loads(out.read_text(encoding="utf-8"))
    assert len(meeting_nodes(drawn)) == 1 + n

    result = runner.invoke(app, ["viz", "--met", "--include-undated", "--out", str(out)])
    assert result.exit_code == 2
