"""A readout title "Readout of <X>'s Meeting with <Y>" / "... Call with <Y>" is kept as
the sentence "<X> met with <Y>." (headers.readout_title): it names the meeting and both
sides, which the text below often calls only "the Secretary" and "they". Any other
"Readout of ..." title names an event, not a meeting, and is not kept. Invented texts."""

from __future__ import annotations

import pytest

from graph.documents import make_document
from graph.documents.headers import readout_title
from graph.extract import extract
from tests.unit._extract_helpers import entities, meetings

_BODY = (
    "The Secretary and the Minister reviewed port security across the region and agreed "
    "to keep in close touch on shipping fees in the months ahead."
)


def _doc(title: str) -> str:
    return f"URL: https://www.state.gov/readouts/1\nDate: 2025-03-04\n\n{title}\n{_BODY}\n"


@pytest.mark.parametrize(
    "title",
    [
        "Readout of Secretary Alma Reyes's Meeting with Foreign Minister Jonas Ek of Norvik",
        "Readout of Deputy Secretary Alma Reyes\u2019s Call with Norvik Foreign Minister Jonas Ek",
        "Readout of Alma Reyes's Telephone Call with Jonas Ek",
    ],
)
def test_a_readout_title_gives_the_meeting_and_its_parties(title: str) -> None:
    x = extract(make_document(_doc(title)))
    kinds = dict(entities(x))
    assert kinds.get("Alma Reyes") == "Person"
    assert kinds.get("Jonas Ek") == "Person"
    assert ("held", frozenset({"Alma Reyes", "Jonas Ek"})) in meetings(x)


def test_a_readout_with_a_body_names_the_body_as_the_other_side() -> None:
    title = "Readout of Secretary Alma Reyes's Meeting with the Norvik Port Council"
    line = readout_title(title)
    assert line is not None and line.startswith("Secretary Alma Reyes met with ")
    x = extract(make_document(_doc(title)))
    held = [p for s, p in meetings(x) if s == "held"]
    assert any("Alma Reyes" in p and len(p) >= 2 for p in held)


@pytest.mark.parametrize(
    "title",
    [
        "Readout of the Harbor Forum Opening Session",
        "Readout of Secretary Alma Reyes's Trip to Norvik",
        "Readout of the Norvik Port Council's Annual Meeting",
        "Readout of Alma Reyes's Meeting with",
    ],
)
def test_other_readout_titles_are_not_kept(title: str) -> None:
    assert readout_title(title) is None
    x = extract(make_document(_doc(title)))
    organizations = {n for n, t in entities(x) if t == "Organization"}
    assert not any(n.startswith("Readout") or "Harbor Forum" in n for n in organizations)
