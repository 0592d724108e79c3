"""A national title in lower case in apposition after a name ties the official to the
publishing government's country, as a title before the name does (invented text)."""

from __future__ import annotations

from graph.documents import make_document
from graph.extract import extract
from tests.unit._extract_helpers import affiliations


def _release(body: str) -> set[tuple[str, str, bool]]:
    head = "URL: https://www.defense.gov/News/Releases/1\nDATE: 2025-05-16\n\n"
    return affiliations(extract(make_document(head + body)))


def test_an_apposed_national_title_names_the_publishers_country() -> None:
    got = _release(
        "Dara Quill, the undersecretary of defense for policy, met Polish officials in "
        "Warsaw. Quill praised ties with the U.S."
    )
    assert ("Dara Quill", "United States", True) in got


def test_former_and_posted_titles_are_not_the_publishers() -> None:
    got = _release(
        "Dara Quill, the former undersecretary, met Ian Roe, the ambassador to Poland, in "
        "Warsaw. Both praised ties with the U.S."
    )
    assert not any(org == "United States" for _, org, _ in got)


def test_an_apposition_naming_a_body_is_left_to_the_affiliation_rules() -> None:
    got = _release(
        "Dara Quill, the secretary of the Harbor Board, met Polish officials in Warsaw. "
        "Quill praised ties with the U.S."
    )
    assert ("Dara Quill", "United States", True) not in got
    assert ("Dara Quill", "Harbor Board", True) in got
