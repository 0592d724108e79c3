"""``changed_props``: what ``entity_set``'s ``SET e += ...`` needs to turn the stored
properties into the derived ones."""

from __future__ import annotations

from graph.store.transaction import changed_props


def test_only_changed_and_dropped_keys_are_sent() -> None:
    stored = {"id": "e1", "name": "A", "aliases": ["B"], "country": "KR", "tally_mentions": 3}
    props = {"id": "e1", "name": "A", "aliases": ["B"], "tally_mentions": 4, "type": "org"}
    assert changed_props(stored, props) == {"tally_mentions": 4, "type": "org", "country": None}


def test_unchanged_properties_send_nothing() -> None:
    props = {"id": "e1", "name": "A", "aliases": ["B", "C"], "tally_mentions": 3}
    assert changed_props(dict(props), props) == {}


def test_applying_the_change_gives_the_derived_properties() -> None:
    stored = {"id": "e1", "name": "A", "aliases": ["B"], "country": "KR", "x": 1}
    props = {"id": "e1", "name": "AA", "aliases": ["B", "C"], "type": "gov"}
    after = dict(stored)
    for k, v in changed_props(stored, props).items():  # SET += : a null removes the key
        if v is None:
            after.pop(k, None)
        else:
            after[k] = v
    assert after == props
