"""View rows -> networkx graph: categories, labels, keyed edges, evidence. No database."""

from __future__ import annotations

from graph.read.views import ViewRel, ViewRow
from tests.support.view_rows import (
    ACME,
    GLOBEX,
    MINISTRY,
    entity,
    meeting,
    rel,
    row,
    small_world,
)
from viz.build import category_of, fold_event_names, graph_from_rows
from viz.style import MEETING, OTHER


def test_nodes_are_keyed_by_graph_id_with_category_and_label() -> None:
    g = graph_from_rows(small_world())
    assert set(g.nodes) == {
        "gov:ministry",
        "com:acme",
        "com:globex",
        "per:anna-lee",
        "ev:w",
        "ev:t",
    }
    assert g.nodes["per:anna-lee"]["category"] == "Person"
    assert g.nodes["gov:ministry"]["category"] == "GovernmentBody"
    assert g.nodes["ev:w"]["category"] == MEETING
    assert g.nodes["ev:w"]["kind"] == "event"
    assert g.nodes["ev:w"]["label"] == "workshop · 2026-03-18"
    assert g.nodes["ev:t"]["label"] == "talks · 2026-03"
    assert g.nodes["com:acme"]["label"] == "Acme"


def test_edges_carry_type_role_date_and_evidence() -> None:
    g = graph_from_rows(small_world())
    attended = g.edges["per:anna-lee", "ev:w", "ATTENDED"]
    assert attended["role"] == "speaker"
    assert attended["date"] == "2026-03-18"  # the meeting's date travels to its edges
    assert attended["evidence"] == [{"doc_id": "doc-1", "sentence": "Lee spoke."}]
    represents = g.edges["per:anna-lee", "com:acme", "REPRESENTS"]
    assert represents["position"] == "policy head"
    assert "date" not in represents


def test_same_fact_twice_is_one_edge_and_different_facts_stay_apart() -> None:
    rows = small_world()
    g = graph_from_rows(rows + rows)
    assert g.number_of_edges() == len(rows)
    extra = row(MINISTRY, rel("BRIEFED", "It briefed Acme."), ACME)
    g2 = graph_from_rows([*rows, extra])
    assert set(g2["gov:ministry"]["com:acme"]) == {"REQUESTED", "BRIEFED"}


def test_lone_nodes_are_kept() -> None:
    g = graph_from_rows([row(entity("cty:x", "Xland", "Country")), *small_world()])
    assert "cty:x" in g
    assert g.degree("cty:x") == 0


def test_category_from_labels_then_type() -> None:
    named_event = ViewRow.model_validate(
        {"source": {"id": "evn:summit", "labels": ["Entity", "EventName"], "type": "Event"}}
    ).source
    odd = ViewRow.model_validate(
        {"source": {"id": "x", "labels": ["Entity"], "type": "Alien"}}
    ).source
    typed = ViewRow.model_validate(
        {"source": {"id": "y", "labels": ["Entity"], "type": "Event"}}
    ).source
    assert category_of(named_event) == "EventName"
    assert category_of(odd) == OTHER
    assert category_of(typed) == "EventName"


def test_relationship_evidence_lists_are_paired() -> None:
    parsed = ViewRel.model_validate(
        {
            "type": "HOSTED",
            "doc_ids": ["a", "b"],
            "sentences": ["first", "second"],
            "starts": [0, 5],
        }
    )
    assert [(e.doc_id, e.sentence) for e in parsed.evidence] == [("a", "first"), ("b", "second")]
    assert ViewRel.model_validate({"type": "HOSTED"}).evidence == []


# --- a summit that is both a named-event entity and the meeting it names ---------------------

SUMMIT_NAME = "Veltria-Ostland Summit"
SUMMIT_ENTITY = {
    "id": "evn:summit",
    "name": SUMMIT_NAME,
    "labels": ["Entity", "EventName"],
    "type": "Event",
}
SUMMIT_MEETING = meeting("evt:summit", name=SUMMIT_NAME, date="2025-03-11")


def summit_rows() -> list[ViewRow]:
    return [
        row(SUMMIT_ENTITY),
        row(SUMMIT_MEETING),
        row(ACME, rel("ATTENDED", "Acme attended the summit."), SUMMIT_MEETING),
        row(GLOBEX, rel("AGREED_WITH", "Globex backed the summit."), SUMMIT_ENTITY),
    ]


def test_a_named_event_is_folded_into_the_meeting_it_names() -> None:
    g = graph_from_rows(summit_rows())
    assert g.number_of_nodes() == 4
    folded = fold_event_names(g, {"evn:summit": ["evt:summit"]})
    assert folded == {"evn:summit": "evt:summit"}
    assert "evn:summit" not in g
    assert [n for n, a in g.nodes(data=True) if SUMMIT_NAME in a["label"]] == ["evt:summit"]
    assert g.nodes["evt:summit"]["named_entity"] == "evn:summit"
    # the entity's own relationship now points at the meeting, with its evidence
    edge = g.get_edge_data("com:globex", "evt:summit", "AGREED_WITH")
    assert edge["evidence"][0]["sentence"] == "Globex backed the summit."
    assert g.has_edge("com:acme", "evt:summit", "ATTENDED")


def test_a_named_event_whose_meeting_is_not_in_the_view_stays() -> None:
    g = graph_from_rows(summit_rows()[:1] + summit_rows()[3:])  # no meeting node
    assert fold_event_names(g, {"evn:summit": ["evt:summit"]}) == {}
    assert "evn:summit" in g and g.has_edge("com:globex", "evn:summit", "AGREED_WITH")


def test_a_meeting_without_a_name_takes_the_entitys() -> None:
    bare = meeting("evt:summit", date="2025-03-11")
    g = graph_from_rows([row(SUMMIT_ENTITY), row(bare)])
    fold_event_names(g, {"evn:summit": ["evt:summit"]})
    assert g.nodes["evt:summit"]["label"] == f"{SUMMIT_NAME} · 2025-03-11"
