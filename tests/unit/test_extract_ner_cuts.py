"""The statistical NER sometimes reads only the surname of a full name ("Ana Holm" as
"Holm"): a known given name before it is kept, a title before it is still cut off."""

from __future__ import annotations

import pytest

from tests.unit._extract_helpers import entities, meetings, names, run


@pytest.mark.parametrize(
    "sentence",
    [
        "Ana Holm met Paul Brenner on Monday.",
        "Yesterday Ana Holm met Paul Brenner in Oslo.",
    ],
)
def test_a_given_name_before_the_surname_is_kept(sentence: str) -> None:
    x = run(sentence)
    assert ("Ana Holm", "Person") in entities(x)
    assert "Holm" not in names(x)
    assert ("held", frozenset({"Ana Holm", "Paul Brenner"})) in meetings(x)


def test_a_title_before_the_name_is_still_cut() -> None:
    x = run("Minister Tove Lind met Paul Brenner on Monday.")
    assert ("Tove Lind", "Person") in entities(x)
    assert not any(n.startswith("Minister") for n in names(x))
