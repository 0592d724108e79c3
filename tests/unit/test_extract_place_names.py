"""Names headed by a place's word ("Air Base", "Airport", "Strait of") are places, which are
no entities (eval/real/README.md): never a person, an organization or a meeting party."""

from __future__ import annotations

import pytest

from tests.unit._extract_helpers import entities, meetings, names, run


@pytest.mark.parametrize(
    ("sentence", "place"),
    [
        ("The minister addressed troops at Lorven Air Base on Monday.", "Lorven Air Base"),
        ("Ana Holm visited Kadrel Air Base and met Tara Vine.", "Kadrel Air Base"),
        (
            "Minister Ana Holm met Tara Vine at Vesk International Airport on Monday.",
            "Vesk International Airport",
        ),
        ("Ana Holm and Tara Vine discussed shipping in the Strait of Marrow.", "Strait of Marrow"),
        ("Ana Holm met Tara Vine at the Grand Orvel Hotel on Monday.", "Grand Orvel Hotel"),
    ],
)
def test_a_place_is_no_entity(sentence: str, place: str) -> None:
    x = run(sentence)
    assert not any(place.split()[-1] in n or place in n for n in names(x))
    for _, parties in meetings(x):
        assert place not in parties


@pytest.mark.parametrize(
    ("sentence", "body"),
    [
        (
            "Minister Ana Holm met Tara Vine of the Gulf Cooperation Council on Monday.",
            "Gulf Cooperation Council",
        ),
        (
            "Minister Ana Holm met officials of the Baseline Safety Institute on Monday.",
            "Baseline Safety Institute",
        ),
    ],
)
def test_a_body_with_a_place_word_inside_stays(sentence: str, body: str) -> None:
    x = run(sentence)
    assert body in names(x)
    assert ("Ana Holm", "Person") in entities(x)
