"""A country's formal name with a possessive inside ("Democratic People's Republic of Korea",
"People's Republic of China") is one name, in either apostrophe: the possessive does not cut
it into "Democratic People" and a "Republic of Korea" read as the other Korea."""

from __future__ import annotations

import pytest

from tests.unit._extract_helpers import entities, meetings, names, run


@pytest.mark.parametrize(
    ("sentence", "country", "wrong"),
    [
        (
            "Minister Ana Holm met envoys of the Democratic People's Republic of Korea on Monday.",
            "North Korea",
            "South Korea",
        ),
        (
            "Minister Ana Holm met envoys of the Democratic People\u2019s Republic of Korea.",
            "North Korea",
            "South Korea",
        ),
        (
            "Minister Ana Holm met envoys of the People\u2019s Republic of China on Monday.",
            "China",
            None,
        ),
    ],
)
def test_formal_name_with_a_possessive_is_one_country(
    sentence: str, country: str, wrong: str | None
) -> None:
    x = run(sentence)
    assert (country, "Country") in entities(x)
    assert wrong is None or wrong not in names(x)
    assert not any(n.startswith(("Democratic", "People")) for n in names(x))


def test_a_possessive_after_a_country_still_owns_what_follows() -> None:
    x = run("Korea's Trade Minister Ana Holm met Tara Vine of Vexo Chips on Monday.")
    assert ("South Korea", "Country") in entities(x)
    assert ("held", frozenset({"Ana Holm", "Tara Vine", "Vexo Chips"})) in meetings(x)
