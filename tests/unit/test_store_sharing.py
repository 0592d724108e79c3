"""Which documents of one group may name the same stored node (graph/store/sharing.py)."""

from __future__ import annotations

from typing import Any

from graph.model import EntityType
from graph.store.resolve import name_keys
from graph.store.sharing import Ledger, Member, Reach, keys_after, steady

GOV = EntityType.GOVERNMENT_BODY.value

NODE_ID = "gov:trade-board"
NODE: dict[str, Any] = {
    "id": NODE_ID,
    "type": GOV,
    "country": "NO",
    "forms": ["Trade Board", "TB"],
}


def mention(
    names: list[str], *, type_: str = GOV, country: str | None = None, node: str = NODE_ID
) -> dict[str, Any]:
    return {"id": node, "names": names, "name": names[0], "type": type_, "country": country}


def member(
    *reaches: Reach, mentions: list[dict[str, Any]], rels: frozenset[Any] = frozenset()
) -> Member:
    own: frozenset[str] = frozenset()
    own_of: dict[str, frozenset[str]] = {}
    for row in mentions:
        keys = name_keys(row["names"], EntityType(row["type"])).own
        own |= keys
        own_of[row["id"]] = own_of.get(row["id"], frozenset()) | keys
    return Member(
        reaches=list(reaches),
        mentions=mentions,
        own=own,
        own_of=own_of,
        rival_keys=frozenset(),
        rels=rels,
    )


def reach(node: str, *, new: bool = False, reached: set[str] | None = None) -> Reach:
    return Reach(
        node=node,
        new=new,
        wanted=node,
        reached=frozenset({node} if reached is None else reached) if not new else frozenset(),
        probe=frozenset({f"n:gov:{node}"}),
    )


def test_a_mention_with_known_forms_type_and_country_is_steady() -> None:
    assert steady(mention(["Trade Board", "TB"], country="NO"), NODE)
    assert steady(mention(["TB"]), NODE)  # no country: the node's stays


def test_a_new_form_another_type_or_another_country_is_not_steady() -> None:
    assert not steady(mention(["Trade Board of Norway"]), NODE)
    assert not steady(mention(["Trade Board"], type_=EntityType.ORGANIZATION.value), NODE)
    assert not steady(mention(["Trade Board"], country="PE"), NODE)
    assert not steady(mention(["Trade Board"]), {**NODE, "forms": None})  # no stored counts
    assert not steady(mention(["Trade Board"]), None)


def test_keys_after_cover_the_forms_of_the_node_and_the_mention() -> None:
    keys = keys_after(mention(["Trade Board of Norway"]), NODE)
    for form in ("Trade Board", "Trade Board of Norway"):
        assert name_keys([form], EntityType.GOVERNMENT_BODY).strong <= keys


def test_documents_naming_a_stored_node_they_leave_alone_share_a_group() -> None:
    ledger = Ledger({NODE_ID: NODE})
    first = member(reach(NODE_ID), mentions=[mention(["Trade Board"])])
    second = member(reach(NODE_ID), mentions=[mention(["TB"], country="NO")])
    assert ledger.admits(first)
    ledger.keep(first)
    assert ledger.admits(second)


def test_a_document_after_one_that_changes_the_node_waits() -> None:
    ledger = Ledger({NODE_ID: NODE})
    ledger.keep(member(reach(NODE_ID), mentions=[mention(["Trade Board"], country="PE")]))
    assert not ledger.admits(member(reach(NODE_ID), mentions=[mention(["Trade Board"])]))
    # One that names another stored node still joins.
    other: dict[str, Any] = {**NODE, "id": "gov:fish-board", "forms": ["Fish Board"]}
    ledger.stored = {NODE_ID: NODE, str(other["id"]): other}
    fish = member(
        reach(str(other["id"])), mentions=[mention(["Fish Board"], node=str(other["id"]))]
    )
    assert ledger.admits(fish)


def test_a_mention_with_several_candidates_waits_after_one_that_adds_to_a_candidate() -> None:
    """Mention counts rank several candidates: an earlier document adding one could change
    the pick."""
    ledger = Ledger({NODE_ID: NODE})
    ledger.keep(member(reach(NODE_ID), mentions=[mention(["Trade Board"])]))
    torn = member(
        reach(NODE_ID, reached={NODE_ID, "gov:trade-board-pe"}),
        mentions=[mention(["Trade Board"])],
    )
    assert not ledger.admits(torn)


def test_new_nodes_and_their_keys_are_never_shared() -> None:
    ledger = Ledger({})
    created = member(
        reach("gov:new-board", new=True), mentions=[mention(["New Board"], node="gov:new-board")]
    )
    ledger.keep(created)
    again = member(
        reach("gov:new-board", new=True), mentions=[mention(["New Board"], node="gov:new-board")]
    )
    assert not ledger.admits(again)
    # A document whose lookup would find the new node's key waits too.
    probing = Member(
        reaches=[
            Reach(
                node="gov:the-new-board",
                new=True,
                wanted="gov:the-new-board",
                reached=frozenset(),
                probe=name_keys(["New Board"], EntityType.GOVERNMENT_BODY).probe,
            )
        ],
        mentions=[mention(["New Board"], node="gov:the-new-board")],
        own=frozenset(),
        own_of={},
        rival_keys=frozenset(),
        rels=frozenset(),
    )
    assert not ledger.admits(probing)


def test_two_documents_writing_one_relationship_do_not_share_a_group() -> None:
    rel = ("PART_OF", "gov:trade-board", "cty:norway")
    ledger = Ledger({NODE_ID: NODE})
    ledger.keep(member(reach(NODE_ID), mentions=[mention(["Trade Board"])], rels=frozenset({rel})))
    assert not ledger.admits(
        member(reach(NODE_ID), mentions=[mention(["Trade Board"])], rels=frozenset({rel}))
    )


def test_documents_after_one_sent_to_a_later_group_keep_their_order() -> None:
    ledger = Ledger({NODE_ID: NODE})
    ledger.hold(member(reach(NODE_ID), mentions=[mention(["Trade Board"])]))
    assert not ledger.admits(member(reach(NODE_ID), mentions=[mention(["Trade Board"])]))
    other: dict[str, Any] = {**NODE, "id": "gov:fish-board", "forms": ["Fish Board"]}
    fish = member(
        reach(str(other["id"])), mentions=[mention(["Fish Board"], node=str(other["id"]))]
    )
    assert ledger.admits(fish)


def test_a_node_without_stored_forms_stops_all_sharing_once_changed() -> None:
    bare = {**NODE, "forms": None}
    ledger = Ledger({NODE_ID: bare})
    ledger.keep(member(reach(NODE_ID), mentions=[mention(["Trade Board"])]))
    other: dict[str, Any] = {**NODE, "id": "gov:fish-board", "forms": ["Fish Board"]}
    fish = member(
        reach(str(other["id"])), mentions=[mention(["Fish Board"], node=str(other["id"]))]
    )
    assert not ledger.admits(fish)
