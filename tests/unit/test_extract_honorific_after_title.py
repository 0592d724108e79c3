"""An honorific between a title and a name: "Health Minister Dr. Lena Ortiz".

South Asian and African readouts write "Dr." or "Prof." after the title. The name run
stopped at the abbreviation's full stop, so the title and the honorific became a body of
their own ("Peruvian External Affairs Minister Dr") and the person lost both. The honorific
is now neither the title nor the name: the person keeps the title and its country or
company.
"""

from __future__ import annotations

import pytest

from tests.unit._extract_helpers import affiliations, entities, names, run

HELD = [
    (
        "Peruvian External Affairs Minister Dr. Lena Ortiz met Tomas Brek on Monday.",
        "Lena Ortiz",
        "Peru",
    ),
    (
        "Norvik Shipping Chairman Dr. Tomas Brek met Lena Ortiz in Oslo.",
        "Tomas Brek",
        "Norvik Shipping",
    ),
    ("Ana Holm met Chilean Ambassador Prof. Tomas Brek on Friday.", "Tomas Brek", "Chile"),
    ("Peruvian Trade Minister Dr Lena Ortiz met Tomas Brek on Monday.", "Lena Ortiz", "Peru"),
]


@pytest.mark.parametrize(("sentence", "person", "org"), HELD)
def test_the_title_before_an_honorific_is_the_persons(sentence: str, person: str, org: str) -> None:
    x = run(sentence)
    assert (person, "Person") in entities(x)
    assert (person, org, True) in affiliations(x)
    assert not any(n.endswith(("Dr", "Prof")) or "Dr." in n for n in names(x))


def test_an_honorific_alone_still_opens_a_name() -> None:
    x = run("Dr. Lena Ortiz met Mr. Tomas Brek in Lima on Monday.")
    assert {("Lena Ortiz", "Person"), ("Tomas Brek", "Person")} <= entities(x)
