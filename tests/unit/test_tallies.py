"""An entity's mention counts: added one mention at a time, stored and read back, they give
what a count of every mention gives."""

from __future__ import annotations

import random
from typing import Any

from graph.store.tallies import MENTIONS, PROPS, Tally

FORMS = ["Ministry of Science and ICT", "MSIT", "Science Ministry", "ICT Ministry"]


def _mentions(n: int, seed: int) -> list[dict[str, Any]]:
    rng = random.Random(seed)
    out = []
    for _ in range(n):
        names = rng.sample(FORMS, k=rng.randint(0, 3))
        out.append(
            {
                "names": names,
                # the main name is usually one of the names, not always (and may be missing)
                "name": rng.choice([*names, "Ministry", None]) if names else None,
                "type": rng.choice(["GovernmentBody", "GovernmentBody", "Organization", None]),
                "country": rng.choice(["KR", "KR", "US", "", None]),
            }
        )
    return out


def _full(mentions: list[dict[str, Any]]) -> Tally:
    """What ``entity_state`` reads: Cypher's collect() leaves nulls out of each column."""
    return Tally.of_mentions(
        len(mentions),
        [m["names"] for m in mentions if m["names"] is not None],
        [m["name"] for m in mentions if m["name"] is not None],
        [m["type"] for m in mentions if m["type"] is not None],
        [m["country"] for m in mentions if m["country"] is not None],
    )


def test_counts_added_to_the_stored_ones_equal_a_full_count() -> None:
    for seed in range(20):
        mentions = _mentions(30, seed)
        split = random.Random(seed).randint(1, 29)
        stored = _full(mentions[:split]).props()  # what the node holds after the first loads
        tally = Tally.of_props(stored)
        assert tally is not None
        for m in mentions[split:]:
            tally.add(m)
        full = _full(mentions)
        assert tally.props() == full.props()
        assert tally.derive() == full.derive()
        assert set(tally.props()) <= PROPS


def test_stored_counts_are_sorted_lists_without_empty_ones() -> None:
    t = Tally()
    t.add({"names": ["b", "a"], "name": "c", "type": "Person", "country": None})
    props = t.props()
    assert props == {
        MENTIONS: 1,
        "tally_forms": ["a", "b", "c"],
        "tally_form_docs": [1, 1, 0],
        "tally_form_mains": [0, 0, 1],
        "tally_types": ["Person"],
        "tally_type_counts": [1],
    }
    forms, _, country = t.derive()
    assert [f.form for f in forms] == ["a", "b"]  # a main name no mention uses is not a form
    assert country is None


def test_a_node_without_counts_has_none() -> None:
    assert Tally.of_props({"id": "x", "name": "X", "type": "Person"}) is None
