"""A participle opening a sentence is no part of the name after it: "Visiting Oslo, ...".

"Visiting Oslo, the minister held talks" made a person "Visiting Oslo", and "Accompanying
the minister were ..." an organization "Accompanying" that the next name was affiliated
to. The participles of readouts are in `graph/data/stop_caps.txt`.
"""

from __future__ import annotations

import pytest

from tests.unit._extract_helpers import affiliations, names, run


@pytest.mark.parametrize(
    ("sentence", "word"),
    [
        ("Visiting Oslo, Foreign Minister Lena Ortiz held talks with Tomas Brek.", "Visiting"),
        ("Accompanying Minister Lena Ortiz were Tomas Brek and Ana Holm.", "Accompanying"),
        ("Welcoming Tomas Brek to Lima, Ana Holm said the talks would help.", "Welcoming"),
        ("Attending Monday's talks, Tomas Brek met Lena Ortiz.", "Attending"),
    ],
)
def test_an_opening_participle_is_no_name(sentence: str, word: str) -> None:
    x = run(sentence)
    assert not any(word in n for n in names(x))
    assert not any(word in org for _, org, _ in affiliations(x))
    assert "Tomas Brek" in names(x)
