"""Sentence shapes of wire news, round 10 (invented names): a phrase the parser cut at a
company, visits to a person, conversations, two subjects discussing, "their" for speaker and
listener, "X, its chief executive", and the same reading whatever the hash seed."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from graph.model import REMOTE_KINDS
from tests.unit._extract_helpers import affiliations, meetings, run

ROOT = Path(__file__).resolve().parents[2]


def _cores(body: str) -> list[tuple[str, frozenset[str]]]:
    return meetings(run(body))


def test_a_titled_name_cut_off_after_the_company_still_joins() -> None:
    x = run(
        "Trade Minister Rolf Dane had lunch with Vexo Chips chief executive Lena Wirth on Thursday."
    )
    assert len(x.meetings) == 1
    assert {"Rolf Dane", "Lena Wirth"} <= meetings(x)[0][1]
    assert ("Lena Wirth", "Vexo Chips", True) in affiliations(x)


def test_a_visit_to_a_person_is_a_meeting_a_visit_to_a_country_is_not() -> None:
    got = _cores("President Tom Hale paid a visit to Chancellor Karl Aune in Berlin on Monday.")
    assert got == [("held", frozenset({"Tom Hale", "Karl Aune"}))]
    assert _cores("President Tom Hale paid a state visit to Japan on Monday.") == []


def test_a_conversation_is_talks_and_a_phone_conversation_a_call() -> None:
    talks = run(
        "Secretary Mara Lind had a conversation with Foreign Minister Ole Brun on Wednesday."
    )
    assert meetings(talks) == [("held", frozenset({"Mara Lind", "Ole Brun"}))]
    assert talks.meetings[0].kind not in REMOTE_KINDS
    call = run(
        "Secretary Mara Lind held a phone conversation with Foreign Minister Ole Brun on Wednesday."
    )
    assert [m.kind in REMOTE_KINDS for m in call.meetings] == [True]


def test_a_conversation_with_a_newspaper_is_an_interview() -> None:
    assert (
        _cores(
            "Secretary Mara Lind said in a conversation with the Financial Times that she was "
            "hopeful."
        )
        == []
    )


def test_two_named_subjects_who_discuss_state_their_talks() -> None:
    got = _cores(
        "Secretary Mara Lind and Foreign Minister Ole Brun discussed trade on the sidelines of "
        "the summit on Monday."
    )
    assert got == [("held", frozenset({"Mara Lind", "Ole Brun"}))]


def test_one_subject_who_discusses_states_no_meeting() -> None:
    assert _cores("Secretary Mara Lind discussed trade in a speech on Monday.") == []


def test_their_meeting_of_the_speaker_and_the_listener() -> None:
    got = _cores(
        "Chancellor Karl Aune told President Tom Hale during their meeting that the deal was fair."
    )
    assert got == [("held", frozenset({"Karl Aune", "Tom Hale"}))]


def test_unnamed_people_from_a_company_in_a_list_stand_for_it() -> None:
    got = _cores(
        "Prime Minister Dara Halm met Velk Motors chairman Ian Roe and executives from Vexo "
        "Chips on Monday."
    )
    assert len(got) == 1
    assert {"Dara Halm", "Ian Roe", "Vexo Chips"} <= got[0][1]


def test_its_title_after_a_name_points_to_the_organization_told() -> None:
    x = run(
        "Velk Motors said it welcomed the talks. Ian Roe, its chief executive, met Prime "
        "Minister Dara Halm on Monday."
    )
    assert ("Ian Roe", "Velk Motors", True) in affiliations(x)


def test_its_title_with_two_organizations_before_names_none() -> None:
    x = run(
        "The talks drew interest from Velk Motors and Vexo Chips. Ian Roe, its chief "
        "executive, met Prime Minister Dara Halm on Monday."
    )
    assert not {a for a in affiliations(x) if a[0] == "Ian Roe"}


_DUMP = """
import sys
from graph.documents import make_document
from graph.extract import extract
text = sys.stdin.read()
print(extract(make_document(text)).model_dump_json())
"""


def test_the_reading_does_not_depend_on_the_hash_seed() -> None:
    """Sets iterate in a per-process order: what the text says must not."""
    text = (
        "Title: Test story\nDate: 2026-03-13\n\nForeign Minister Mara Lind held separate "
        "meetings with Ostland Foreign Minister Ole Brun, Veltria Foreign Minister Ilka Ferro "
        "and Norland Foreign Minister Karl Aune on Monday. Lind and Brun discussed energy."
    )
    outs = []
    for seed in ("1", "2", "3"):
        env = {**os.environ, "PYTHONHASHSEED": seed, "PYTHONPATH": str(ROOT)}
        done = subprocess.run(
            [sys.executable, "-c", _DUMP],
            input=text,
            capture_output=True,
            text=True,
            env=env,
            check=True,
            cwd=ROOT,
        )
        outs.append(json.loads(done.stdout))
    assert len(outs[0]["meetings"]) == 3
    assert outs[0] == outs[1] == outs[2]


def test_the_signing_of_a_document_by_two_parties() -> None:
    got = _cores(
        "The ministry announced the signing of a memorandum of understanding by Trade Minister "
        "Rolf Dane and Vexo Chips chief executive Lena Wirth on Monday."
    )
    assert len(got) == 1
    assert {"Rolf Dane", "Lena Wirth"} <= got[0][1]


def test_a_national_area_title_after_a_demonym_names_no_body() -> None:
    x = run(
        "National Security Adviser Jake Sullivan met Japanese National Security Adviser Akiba "
        "Takeo on Monday. NSA Sullivan and NSA Akiba discussed chips."
    )
    assert {e.name for e in x.entities} == {"Jake Sullivan", "Akiba Takeo", "Japan"}
    assert ("Akiba Takeo", "Japan", True) in affiliations(x)
