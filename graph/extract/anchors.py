"""Entity mentions laid over spaCy tokens: which token stands for which entity.

The rules' mentions (names, gazetteer entries, resolved back-references) are character
spans; the parse is over tokens. A token belongs to a mention when their spans overlap.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from graph.extract.context import Ref, Tagged

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token


@dataclass
class Anchored:
    """One sentence: its parse and the entity reference of each token that has one."""

    tagged: Tagged
    doc: Doc
    offset: int  # the sentence's start in the document text
    refs: dict[int, Ref] = field(default_factory=dict)  # token index -> reference

    def ref(self, tok: Token) -> Ref | None:
        return self.refs.get(tok.i)

    def char(self, tok: Token) -> int:
        """The token's start in the document text."""
        return self.offset + tok.idx

    def head_tokens(self) -> dict[int, Ref]:
        """For each mention, its syntactic head: the token whose head lies outside it."""
        out: dict[int, Ref] = {}
        for i, ref in self.refs.items():
            tok = self.doc[i]
            if tok.head.i == tok.i or self.refs.get(tok.head.i) is not ref:
                out.setdefault(i, ref)
        return out


def anchor(tagged: Tagged, doc: Doc) -> Anchored:
    """Map every token of ``doc`` (parsed from the sentence text) to its mention."""
    offset = tagged.sent.start
    out = Anchored(tagged, doc, offset)
    refs = tagged.refs + tagged.quoted_refs
    spans = sorted(((r.mention.start, r.mention.end, r) for r in refs), key=lambda s: s[0])
    if not spans:
        return out
    j = 0
    for tok in doc:
        a = offset + tok.idx
        b = a + len(tok.text)
        while j < len(spans) and spans[j][1] <= a:
            j += 1
        k = j
        while k < len(spans) and spans[k][0] < b:
            start, end, ref = spans[k]
            if start < b and a < end and tok.i not in out.refs:
                out.refs[tok.i] = ref
            k += 1
    return out
