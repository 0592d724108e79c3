"""The document page's highlighting: pieces cover the text exactly once, marks follow offsets."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from api.explorer.highlight import Span, pieces

TEXT = "Alpha met Beta. Gamma spoke. Delta left."


def test_overlapping_spans_mark_each_character_once_with_every_label() -> None:
    first = TEXT.index("Alpha")
    second = TEXT.index("Gamma")
    spans = [
        Span(first, TEXT.index(".") + 1, "met"),
        Span(first, first + 5, "Alpha"),
        Span(second, second + len("Gamma spoke."), "said"),
    ]
    out = pieces(TEXT, spans)
    assert "".join(p.text for p in out) == TEXT
    marked = [(p.text, p.labels) for p in out if p.marked]
    assert marked == [
        ("Alpha", ["Alpha", "met"]),
        (" met Beta.", ["met"]),
        ("Gamma spoke.", ["said"]),
    ]


def test_offsets_outside_the_text_are_ignored() -> None:
    out = pieces(TEXT, [Span(5, 500, "stale"), Span(3, 3, "empty"), Span(-1, 4, "negative")])
    assert [p.text for p in out] == [TEXT]
    assert not out[0].marked


@given(
    st.text(max_size=60),
    st.lists(st.tuples(st.integers(0, 70), st.integers(0, 70), st.sampled_from("abc"))),
)
def test_pieces_always_rebuild_the_text(text: str, raw: list[tuple[int, int, str]]) -> None:
    spans = [Span(a, b, label) for a, b, label in raw]
    out = pieces(text, spans)
    assert "".join(p.text for p in out) == text
    for piece in out:
        end = piece.start + len(piece.text)
        assert text[piece.start : end] == piece.text
        expected = {
            s.label
            for s in spans
            if 0 <= s.start <= piece.start and end <= s.end <= len(text) and s.start < s.end
        }
        assert set(piece.labels) == expected
