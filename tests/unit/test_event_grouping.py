"""Same-day event grouping: the indexed grouping gives exactly what comparing every pair
gave, and its work grows with the distinct reports, not with the square of all of them."""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Mapping, Sequence

import pytest

import graph.store.resolve as resolve
from graph.errors import DocumentTooLarge
from graph.model import (
    Document,
    Entity,
    EntityType,
    Evidence,
    Extraction,
    Meeting,
    Participant,
)
from graph.store.plan import MAX_MEETINGS_PER_DAY, plan
from graph.store.resolve import EventReport, _UnionFind, event_clusters, same_event


def all_pairs_clusters(
    reports: Sequence[EventReport], merged_into: Mapping[str, str] | None = None
) -> dict[str, str]:
    """The grouping as it was before the index: every pair of reports compared."""
    merged_into = merged_into or {}
    kept = set(merged_into.values())
    target = {r.ref: merged_into.get(r.natural, r.natural) for r in reports}
    ordered = sorted(reports, key=lambda r: r.ref)
    uf = _UnionFind()
    by_target: dict[str, str] = {}
    for i, a in enumerate(ordered):
        uf.find(a.ref)
        first = by_target.setdefault(target[a.ref], a.ref)
        if first != a.ref:
            uf.union(first, a.ref)
        for b in ordered[i + 1 :]:
            if same_event(a.participants, b.participants):
                uf.union(a.ref, b.ref)
    groups: dict[str, list[EventReport]] = {}
    for r in ordered:
        groups.setdefault(uf.find(r.ref), []).append(r)
    out: dict[str, str] = {}
    for members in groups.values():
        anchors = {target[r.ref] for r in members} & kept
        eid = min(anchors) if anchors else min(r.natural for r in members)
        out.update((r.ref, eid) for r in members)
    return out


def _random_day(rng: random.Random, n: int, parties: int) -> list[EventReport]:
    pool = [f"p{i}" for i in range(parties)]
    return [
        EventReport(
            f"r{i:03d}",
            f"evt:{rng.randrange(n * 2):04d}",
            frozenset(rng.sample(pool, rng.randint(0, min(6, parties)))),
        )
        for i in range(n)
    ]


@pytest.mark.parametrize("seed", range(40))
def test_the_index_groups_exactly_as_comparing_every_pair(seed: int) -> None:
    rng = random.Random(seed)
    reports = _random_day(rng, rng.randint(1, 60), rng.randint(2, 9))
    naturals = sorted({r.natural for r in reports})
    merges = dict(zip(naturals[::3], naturals[1::3], strict=False))
    assert event_clusters(reports) == all_pairs_clusters(reports)
    assert event_clusters(reports, merges) == all_pairs_clusters(reports, merges)
    shuffled = rng.sample(reports, len(reports))
    assert event_clusters(shuffled) == event_clusters(reports)


def test_repeated_reports_are_not_compared_pairwise(monkeypatch: pytest.MonkeyPatch) -> None:
    calls = 0

    def counting(a: frozenset[str], b: frozenset[str]) -> bool:
        nonlocal calls
        calls += 1
        return same_event(a, b)

    monkeypatch.setattr(resolve, "same_event", counting)
    parties = frozenset({"per:bae", "per:altman", "com:openai", "per:amodei", "com:anthropic"})
    other = frozenset({"per:bae", "com:openai", "gov:msit"})
    n = 4000
    reports = [EventReport(f"+{i}", f"evt:{i:05d}", parties) for i in range(n)]
    reports += [EventReport(f"o{i}", f"evt:o{i:05d}", other) for i in range(n)]
    groups = event_clusters(reports)
    assert set(groups.values()) == {"evt:00000"}  # the two sets share 2 of the smaller 3
    assert calls <= 2 * n + 1, calls  # once per report, not n^2 / 2


def _meetings_on_one_day(sets: int, repeats: int) -> Extraction:
    entities = [
        Entity(key=f"e{i}", name=f"Body {i}", type=EntityType.COMPANY) for i in range(sets + 1)
    ]
    day = dt.date(2026, 3, 3)
    meetings = [
        Meeting(
            key=f"m{i}-{r}",
            date=day,
            participants=[Participant(entity=f"e{a}") for a in (i, i + 1)],
            evidence=Evidence(sentence="x", start=0, end=1),
        )
        for i in range(sets)
        for r in range(repeats)
    ]
    doc = Document(id="busy-day", text="x", content_hash="h")
    return Extraction(document=doc, entities=entities, meetings=meetings)


def test_one_document_may_repeat_a_meeting_but_not_report_too_many_on_one_day() -> None:
    assert len(plan(_meetings_on_one_day(3, 2000)).meetings) == 6000  # repeats are allowed
    with pytest.raises(DocumentTooLarge, match="different meetings on 2026-03-03"):
        plan(_meetings_on_one_day(MAX_MEETINGS_PER_DAY + 1, 1))
