"""Two-word titles ("Press Secretary", "Cabinet Secretary"; titles.txt [compound]) are one
title: the first word is no body of its own, while a real body before them stays one."""

from __future__ import annotations

import pytest

from tests.unit._extract_helpers import meetings, names, roles, run


@pytest.mark.parametrize(
    "sentence",
    [
        "Press Secretary Tove Lind said the talks went well.",
        "Foreign Press Secretary Tove Lind met Minister Ana Holm.",
        "Chief Cabinet Secretary Tove Lind met Minister Ana Holm.",
        "Cabinet Secretary Tove Lind met Minister Ana Holm on Monday.",
    ],
)
def test_a_compound_title_names_no_body(sentence: str) -> None:
    x = run(sentence)
    assert "Tove Lind" in names(x)
    assert not any(w in n for n in names(x) for w in ("Press", "Cabinet"))
    assert roles(x) == {}
    for _, parties in meetings(x):
        assert parties <= {"Tove Lind", "Ana Holm"}


@pytest.mark.parametrize(
    ("sentence", "body"),
    [
        ("Vexo Labs Press Secretary Tove Lind met Minister Ana Holm.", "Vexo Labs"),
        ("Vexo Press Chairman Tove Lind met Minister Ana Holm.", "Vexo Press"),
    ],
)
def test_a_body_before_the_title_stays(sentence: str, body: str) -> None:
    x = run(sentence)
    assert ("Tove Lind", body) in roles(x)
