"""Offices read at the document level: the publisher's country, a named portfolio body."""

from __future__ import annotations

import pytest

from graph.documents.reader import make_document
from graph.extract.offices import publisher_country
from graph.extract.pipeline import extract
from graph.model import Extraction


@pytest.mark.parametrize(
    ("url", "country"),
    [
        ("https://www.whitehouse.gov/briefing-room/x", "United States"),
        ("https://www.defense.gov/News/", "United States"),
        ("http://www.mofa.go.kr/eng/brd/view.do", "South Korea"),
        ("https://www.mofa.go.jp/press/release/x.html", "Japan"),
        ("https://www.gov.uk/government/news/x", "United Kingdom"),
        ("https://www.example.com/news/x", None),
        ("https://notgov.example.org/", None),
        (None, None),
        ("not a url", None),
    ],
)
def test_publisher_country_from_the_domain(url: str | None, country: str | None) -> None:
    assert publisher_country(url) == country


def _affiliations(text: str, url: str | None) -> set[tuple[str, str]]:
    meta = {"url": url} if url else None
    ex: Extraction = extract(make_document(text, metadata=meta))
    names = {e.key: e.name for e in ex.entities}
    return {(names[a.person], names[a.org]) for a in ex.affiliations}


RELEASE = (
    "Foreign Minister Talvi Renko met Ambassador Orrin Vale in Oslo on Monday.\n"
    "Minister Renko said Norway values the partnership."
)


def test_a_national_title_serves_the_publishing_government() -> None:
    got = _affiliations(RELEASE, "https://www.regjeringen.no/en/aktuelt/x")
    assert ("Talvi Renko", "Norway") in got
    # an ambassador may serve another government: never given the publisher's country
    assert not any(person == "Orrin Vale" for person, _ in got)


def test_no_publisher_country_without_a_government_domain() -> None:
    got = _affiliations(RELEASE, "https://news.example.com/x")
    assert ("Talvi Renko", "Norway") not in got


def test_no_publisher_country_when_the_text_never_names_it() -> None:
    text = "Foreign Minister Talvi Renko met Ambassador Orrin Vale in Oslo on Monday."
    got = _affiliations(text, "https://www.regjeringen.no/en/aktuelt/x")
    assert not any(person == "Talvi Renko" for person, _ in got)


def test_a_portfolio_title_points_at_the_body_the_text_names() -> None:
    text = (
        "Minister of Foreign Affairs Hana Sorel will visit Lisbon on June 3.\n"
        "The forum is co-hosted by the Ministry of Foreign Affairs and the Ministry of "
        "Economy and Finance."
    )
    got = _affiliations(text, None)
    assert ("Hana Sorel", "Ministry of Foreign Affairs") in got
    assert ("Hana Sorel", "Ministry of Economy and Finance") not in got


def test_a_portfolio_title_alone_creates_no_body() -> None:
    got = _affiliations("Minister of Foreign Affairs Hana Sorel will visit Lisbon.", None)
    assert got == set()
