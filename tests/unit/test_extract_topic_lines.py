"""A bulleted agenda in title case lists topics: its capitalized runs name nothing unless the
name is known or said again in a sentence (invented text)."""

from __future__ import annotations

from graph.extract.entities import topic_line
from tests.unit._extract_helpers import names, run

AGENDA = (
    "Minister Lena Dorsk chaired the Harbor Policy Council on Monday with Velk Mining. "
    "The agenda:\n"
    "- Impact of the Coastal Reform Package on the Shipping Industry and Response Measures\n"
    "- Plans for an Innovation Ecosystem for Maritime and Logistics Ventures\n"
    "- Support for Velk Mining Exports\n"
)


def test_title_case_bullets_are_topic_lines() -> None:
    assert topic_line("- Impact of the New Rules on the Automotive Industry")
    assert topic_line("1. Future Operating Plans for the Ministerial Meeting")
    assert topic_line("\u2022 Support for Eco-friendly Cars and Secondary Batteries")


def test_sentences_labels_and_plain_lines_are_not() -> None:
    assert not topic_line("- The council met Velk Mining on Monday.")  # a sentence
    assert not topic_line("* Participants: Minister Lena Dorsk and Velk Mining")  # a label
    assert not topic_line("- Support for exporters in the northern ports")  # not title case
    assert not topic_line("Impact of the New Rules on the Automotive Industry")  # no bullet
    assert not topic_line("- Velk Mining")  # too short to tell


def test_agenda_items_give_no_entities_but_known_names_stay() -> None:
    got = names(run(AGENDA))
    assert not any("Ventures" in n or "Coastal Reform" in n for n in got)
    assert {"Lena Dorsk", "Harbor Policy Council", "Velk Mining"} <= got
