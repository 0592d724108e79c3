"""Every example and counter-example in ``graph/extract/rules/meetings.yaml``, run.

A rule's examples must each yield a held meeting between at least two named parties; its
counter-examples must yield none. The sentences come from the rules file, so adding a rule
without sentences that pin it, or breaking one rule while tuning another, shows up here.
"""

from __future__ import annotations

import pytest

from graph.extract.rulebook import meeting_rules
from tests.unit._extract_helpers import meetings, run


def _cases() -> list[tuple[str, str, bool]]:
    rules = meeting_rules()
    out: list[tuple[str, str, bool]] = []
    for v in rules.verbs:
        out += [(v.id, s, True) for s in v.examples]
        out += [(v.id, s, False) for s in v.counter]
    out += [("nouns", s, True) for s in rules.nouns.examples]
    out += [("nouns", s, False) for s in rules.nouns.counter]
    return out


CASES = _cases()


def test_every_verb_rule_has_an_example_and_a_counter_example() -> None:
    rules = meeting_rules()
    bare = [v.id for v in rules.verbs if not v.examples or not v.counter]
    assert bare == []
    assert rules.nouns.examples and rules.nouns.counter


@pytest.mark.parametrize(
    ("rule_id", "sentence", "is_meeting"), CASES, ids=[f"{c[0]}-{i}" for i, c in enumerate(CASES)]
)
def test_rule_sentence(rule_id: str, sentence: str, is_meeting: bool) -> None:
    held = [parties for status, parties in meetings(run(sentence)) if status == "held"]
    if is_meeting:
        assert any(len(p) >= 2 for p in held), f"{rule_id}: no held meeting in {sentence!r}"
    else:
        assert held == [], f"{rule_id}: {sentence!r} gave {held}"
