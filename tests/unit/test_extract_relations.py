"""Typed relations between entities."""

from __future__ import annotations

from tests.unit._extract_helpers import V2_GAP, run


def _rels(body: str) -> set[tuple[str, str, str]]:
    x = run(body)
    return {(r.type, x.entity(r.source).name, x.entity(r.target).name) for r in x.relations}


@V2_GAP
def test_requested_agreed_briefed() -> None:
    got = _rels(
        "The Ministry of Ports held talks with Selva Shipping on Monday. Aino Kask, Selva "
        "Shipping's head of safety, briefed the Ministry of Ports on new sensors. The ministry "
        "requested that Selva Shipping share incident logs. The two sides agreed to meet again."
    )
    assert {
        ("BRIEFED", "Aino Kask", "Ministry of Ports"),
        ("REQUESTED", "Ministry of Ports", "Selva Shipping"),
        ("AGREED_WITH", "Ministry of Ports", "Selva Shipping"),
    } <= got


def test_operates_and_part_of() -> None:
    got = _rels(
        "The Rail Agency's Track Safety Bureau reviewed the case. Korveth Labs' Open Rail "
        "Program trains inspectors."
    )
    assert {
        ("PART_OF", "Track Safety Bureau", "Rail Agency"),
        ("OPERATES", "Korveth Labs", "Open Rail Program"),
    } <= got
