"""A name written as an initial and a surname after a title of an area.

"Minister of Foreign Affairs B. Ortiz" and "Minister of Foreign Affairs of Peru D.Ortiz"
(an initial joined to the surname, as Mongolian releases write names): the title scan did
not see a name at the end of the run, so the title was cut off, the area and the name became
one person "Affairs B. Ortiz" or the name was lost. The initial and the surname are the name.
"""

from __future__ import annotations

import pytest

from tests.unit._extract_helpers import affiliations, entities, names, run


@pytest.mark.parametrize(
    ("sentence", "person"),
    [
        ("Minister of Foreign Affairs B. Ortiz received Tomas Brek on Monday.", "B. Ortiz"),
        ("Minister of Foreign Affairs G.Ortiz met Tomas Brek on Thursday.", "G.Ortiz"),
        ("Foreign Minister B.Ortiz met Tomas Brek in Lima.", "B.Ortiz"),
    ],
)
def test_an_initialed_name_after_a_title(sentence: str, person: str) -> None:
    x = run(sentence)
    assert (person, "Person") in entities(x)
    assert not any("Affairs" in n for n in names(x))


def test_an_initialed_name_after_a_title_and_its_country() -> None:
    x = run("Minister of Foreign Affairs of Peru D.Ortiz received Tomas Brek.")
    assert ("D.Ortiz", "Peru", True) in affiliations(x)


def test_a_middle_initial_is_still_inside_the_name() -> None:
    x = run("Minister of Trade Tomas B. Brek met Lena Ortiz in Lima.")
    assert ("Tomas B. Brek", "Person") in entities(x)
