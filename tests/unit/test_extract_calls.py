"""Calls are contacts, not meetings, unless the text goes on to call them a meeting."""

from __future__ import annotations

from graph.model import REMOTE_KINDS
from tests.unit._extract_helpers import entities, run

CALL = "Prime Minister Kenji Sato spoke by phone with President Lena Varga of Veltria."


def test_a_call_keeps_its_kind_and_is_left_out_of_the_eval_meetings() -> None:
    ex = run(CALL)
    assert [m.kind for m in ex.meetings] == ["phone call"]
    assert ex.meetings[0].kind in REMOTE_KINDS
    assert ex.to_eval()["meetings"] == []


def test_a_call_the_next_sentence_calls_a_meeting_becomes_one() -> None:
    ex = run(CALL + " The meeting covered trade and energy.")
    assert [m.kind for m in ex.meetings] == ["meeting"]
    pairs = ex.to_eval()["meetings"]
    assert len(pairs) == 1
    names = {ex.entity(p.entity).name for p in ex.meetings[0].participants}
    assert names == {"Kenji Sato", "Lena Varga"}


def test_a_party_to_a_meeting_named_by_the_model_is_a_person() -> None:
    ex = run("Governor Ruth Alder met with Aki Mori in Boston on Tuesday.")
    assert ("Aki Mori", "Person") in entities(ex)
