"""Quotations attributed to their speakers."""

from __future__ import annotations

from tests.unit._extract_helpers import run


def _quotes(body: str) -> list[tuple[str, str]]:
    x = run(body)
    return [(x.entity(q.speaker).name, q.text) for q in x.quotes]


def test_both_orders_pronoun_and_continuation() -> None:
    got = _quotes(
        "Maren Solberg, director of the Fjord Energy Agency, met Tarn Hydro on Monday.\n\n"
        '"We need the data now," Solberg said. "Nobody benefits from waiting."\n\n'
        '"Our engineers are ready," said Ahn Ji-ho, chief executive of Tarn Hydro.\n\n'
        'Ahn later met reporters. "It was a good start," he said.'
    )
    assert got == [
        ("Maren Solberg", "We need the data now,"),
        ("Maren Solberg", "Nobody benefits from waiting."),
        ("Ahn Ji-ho", "Our engineers are ready,"),
        ("Ahn Ji-ho", "It was a good start,"),
    ]


def test_speaker_before_the_quote_and_curly_marks() -> None:
    got = _quotes(
        "Ilka Varnes, an economist at Osterby Bank, was cautious. "
        "Varnes said: \u201cRates will stay high for a while.\u201d"
    )
    assert got == [("Ilka Varnes", "Rates will stay high for a while.")]


def test_quote_without_a_speaker_is_not_attributed() -> None:
    assert _quotes('The sign read "closed for repairs" all week.') == []
