"""Cut a document's text into plain and highlighted pieces from the facts' offsets.

Facts often share a sentence, and sentences may overlap; the pieces never do: each
highlighted piece lists every fact whose span covers it, so the page marks each
character once and its tooltip says everything stated there.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Span:
    start: int
    end: int
    label: str


@dataclass
class Piece:
    text: str
    start: int
    labels: list[str] = field(default_factory=list)

    @property
    def marked(self) -> bool:
        return bool(self.labels)


def pieces(text: str, spans: list[Span]) -> list[Piece]:
    """``text`` as consecutive pieces; a piece is marked with the labels of the spans over it.
    Spans outside the text or empty are ignored (a stale offset must not break the page)."""
    valid = [s for s in spans if 0 <= s.start < s.end <= len(text)]
    cuts = sorted({0, len(text), *(s.start for s in valid), *(s.end for s in valid)})
    out: list[Piece] = []
    for a, b in zip(cuts, cuts[1:], strict=False):
        labels = sorted({s.label for s in valid if s.start <= a and b <= s.end})
        if out and out[-1].labels == labels:
            out[-1].text += text[a:b]
        else:
            out.append(Piece(text=text[a:b], start=a, labels=labels))
    return out
