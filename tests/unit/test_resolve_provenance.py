"""Joining and splitting the per-document provenance lists of facts (used by merge/split)."""

from __future__ import annotations

from graph.store.provenance import entries, join, join_plain, split


def _fact(*docs: str, role: bool = False) -> dict[str, object]:
    props: dict[str, object] = {
        "doc_ids": list(docs),
        "sentences": [f"s-{d}" for d in docs],
        "starts": [i for i, _ in enumerate(docs)],
        "ends": [i + 5 for i, _ in enumerate(docs)],
        "role": "attendee",
    }
    if role:
        props["roles"] = ["attendee" for _ in docs]
    return props


def test_join_unites_entries_sorted_by_doc() -> None:
    out = join(_fact("d3", "d5"), _fact("d1", "d3", "d4"))
    assert out["doc_ids"] == ["d1", "d3", "d4", "d5"]
    assert out["sentences"] == ["s-d1", "s-d3", "s-d4", "s-d5"]
    # d3 is in both: the kept fact's entry (start 0) wins over the added one (start 1).
    assert out["starts"][1] == 0
    assert "role" not in out  # derived values are recomputed in the database


def test_join_keeps_optional_lists_parallel() -> None:
    out = join(_fact("b", role=True), _fact("a", role=True))
    assert out["doc_ids"] == ["a", "b"] and out["roles"] == ["attendee", "attendee"]


def test_join_into_nothing_copies() -> None:
    out = join(None, _fact("x"))
    assert out["doc_ids"] == ["x"]


def test_split_hands_over_some_documents() -> None:
    moving, staying = split(_fact("a", "b", "c"), {"b"})
    assert moving["doc_ids"] == ["b"] and moving["sentences"] == ["s-b"]
    assert staying["doc_ids"] == ["a", "c"] and staying["ends"] == [5, 7]
    moving, staying = split(_fact("a"), {"z"})
    assert moving == {} and staying["doc_ids"] == ["a"]


def test_split_then_join_restores() -> None:
    fact = _fact("a", "b", "c", role=True)
    moving, staying = split(fact, {"a", "c"})
    back = join(staying, moving)
    assert entries(back) == entries(fact)


def test_join_plain_unites_names() -> None:
    out = join_plain({"names": ["MSIT"], "name": "MSIT"}, {"names": ["Science Ministry", "MSIT"]})
    assert out["names"] == ["MSIT", "Science Ministry"] and out["name"] == "MSIT"
