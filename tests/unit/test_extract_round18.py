"""Round 18 of issue 11: shapes of news copy, each written as an invented sentence.

Every cause here was found by running the extractor on unseen news excerpts and reading the
output by hand; the sentences and names are made up (docs/nlp-model.md, "Round 18").
"""

from __future__ import annotations

import pytest

from tests.unit._extract_helpers import entities, held, names, run

# --- a two-letter initial ("Ch. Batbold"), one letter of Cyrillic written in Latin


@pytest.mark.parametrize(
    ("sentence", "person"),
    [
        ("Acting Governor Ch. Brekke met Dara Halm on Monday.", "Ch. Brekke"),
        ("Minister of Finance Ts. Brekke received Dara Halm in Oslo.", "Ts. Brekke"),
        ("Deputy Governor Kh. Brekke met Dara Halm on Monday.", "Kh. Brekke"),
    ],
)
def test_a_two_letter_initial_is_part_of_the_name(sentence: str, person: str) -> None:
    x = run(sentence)
    assert (person, "Person") in entities(x)
    assert not ({"Ch", "Ts", "Kh"} & names(x))
    assert frozenset({person, "Dara Halm"}) in held(sentence)


def test_a_two_letter_name_that_ends_a_sentence_still_ends_it() -> None:
    # "Yu" ends many names: its full stop closes the sentence
    text = "Dara Halm met Director Lin Yu. Ola Brekke met Tomas Varg on Friday."
    assert held(text) == [
        frozenset({"Dara Halm", "Lin Yu"}),
        frozenset({"Ola Brekke", "Tomas Varg"}),
    ]


def test_a_digraph_before_a_sentence_starter_ends_the_sentence() -> None:
    x = run("Dara Halm wrote the letter in Ch. The minister met Ola Brekke on Friday.")
    assert "Ch. The" not in names(x)
