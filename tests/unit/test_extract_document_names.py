"""A document's name is no person: "the President's Executive Order", "Resolution 2231".

"Executive" is a title word, so "Executive Order" was read as a title before a one-word
name, and "Order" became a person. A capitalized run ending in a document's head word
(`graph/data/document_heads.txt`), after a title word or before its number, names a
document: no entity.
"""

from __future__ import annotations

import pytest

from tests.unit._extract_helpers import entities, names, run


@pytest.mark.parametrize(
    "sentence",
    [
        "The rule was required in the President's Executive Order, Lena Ortiz said.",
        "The president signed Executive Order 14117 on Monday, Lena Ortiz said.",
        "The council adopted Resolution 2231 in 2015, Lena Ortiz said.",
    ],
)
def test_a_document_names_no_entity(sentence: str) -> None:
    assert names(run(sentence)) == {"Lena Ortiz"}


def test_a_titled_name_is_still_a_person() -> None:
    x = run("President Bill Ortiz met Director Lena Holm in Lima on Monday.")
    assert {("Bill Ortiz", "Person"), ("Lena Holm", "Person")} <= entities(x)
