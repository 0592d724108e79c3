"""Who said what: quotations attributed in either order.

'"...," Voss said.'  '"...," said Orlov, director of ...'  'Morvin said: "..."'
A quotation with no attribution continues the previous speaker of its paragraph;
"he"/"she" is the last person named before it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from graph.extract.context import QUOTE, DocContext, Ref, Tagged
from graph.model import EntityType

_SPEECH = (
    r"(?:said|says|added|adds|told\s+[\w\s]{0,30}?|stated|noted|explained|argued|warned"
    r"|wrote|asked|continued|insisted|recalled)"
)
_AFTER_NAME = re.compile(r"^\s*[,\u2014-]?\s*(?:\ue000(\d+)\ue001)\s+" + _SPEECH + r"\b")
_AFTER_SAID = re.compile(r"^\s*[,\u2014-]?\s*" + _SPEECH + r"\s+(?:the\s+)?\ue000(\d+)\ue001")
_AFTER_PRONOUN = re.compile(r"^\s*[,\u2014-]?\s*(?:he|she)\s+" + _SPEECH + r"\b", re.I)
_AFTER_SPOKES = re.compile(
    r"^\s*[,\u2014-]?\s*(?:an?\s+|the\s+)?\ue000(\d+)\ue001\s+(?:spokesperson|spokesman|"
    r"spokeswoman|official)\s+" + _SPEECH + r"\b"
)
_BEFORE = re.compile(
    r"\ue000(\d+)\ue001(?:,[^,]{0,80},)?\s+" + _SPEECH + r"\b[^\ue000\ue002\"]{0,80}$"
)
_BEFORE_PRONOUN = re.compile(r"\b(?:he|she)\s+" + _SPEECH + r"\s*[:,]?\s*$", re.I)
_BEFORE_FOR = re.compile(
    r"(?:spokesperson|spokesman|spokeswoman|official)\s+(?:for|at|of)\s+(?:the\s+)?"
    r"\ue000(\d+)\ue001\s+" + _SPEECH + r"\s*(?:that\s+)?(?:the\s+\w+\s+)?[:,]?\s*$"
)


MAX_QUOTES = 5000  # bound the work on pathological input


@dataclass
class FoundQuote:
    speaker: str
    text: str
    sentence: int


def find_quotes(ctx: DocContext) -> list[FoundQuote]:
    out: list[FoundQuote] = []
    lay = ctx.lay
    tagged_by_sent = {tg.sent.index: tg for tg in ctx.tagged}
    last_person: str | None = None
    last_speaker: tuple[int, str] | None = None  # (paragraph, speaker)
    sent_i = 0
    sentences = lay.sentences
    for qa, qb in lay.quotes[:MAX_QUOTES]:
        while sent_i < len(sentences) and sentences[sent_i].end <= qa:
            tg0 = tagged_by_sent[sentences[sent_i].index]
            for _, r in tg0.tags():
                if r.type == EntityType.PERSON:
                    last_person = r.key
            sent_i += 1
        if sent_i >= len(sentences):
            break
        start_sent = sentences[sent_i]
        end_i = sent_i
        while end_i + 1 < len(sentences) and sentences[end_i].end < qb:
            end_i += 1
        end_sent = sentences[end_i]
        speaker = _attribute(
            ctx, tagged_by_sent[end_sent.index], qa, qb, after=True, last=last_person
        )
        if speaker is None:
            speaker = _attribute(
                ctx, tagged_by_sent[start_sent.index], qa, qb, after=False, last=last_person
            )
        if speaker is None and last_speaker is not None and last_speaker[0] == start_sent.paragraph:
            speaker = last_speaker[1]
        text = " ".join(ctx.text[qa:qb].split()).strip()
        if speaker is None or not text:
            continue
        last_speaker = (start_sent.paragraph, speaker)
        if ctx.types.get(speaker) == EntityType.PERSON:
            last_person = speaker
        out.append(FoundQuote(speaker, text, end_sent.index))
    return out


def _markers(tg: Tagged) -> list[int]:
    if tg.markers is None:
        tg.markers = [m.start() for m in re.finditer(QUOTE, tg.s)]
    return tg.markers


def _ref_key(tg: Tagged, idx: str) -> Ref:
    return tg.refs[int(idx)]


def _attribute(
    ctx: DocContext, tg: Tagged, qa: int, qb: int, after: bool, last: str | None
) -> str | None:
    """The speaker written right after (or before) the quotation in its sentence."""
    s = tg.s
    # locate the quote marker that covers this quotation in the tagged sentence
    markers = _markers(tg)
    if not markers:
        return None
    if after:
        pos = _marker_index(ctx, tg, qb, markers, last_marker=True)
        tail = s[pos + 1 :]
        for rx in (_AFTER_NAME, _AFTER_SAID, _AFTER_SPOKES):
            m = rx.match(tail)
            if m:
                r = _ref_key(tg, m.group(1))
                if (
                    r.type in (EntityType.PERSON,)
                    or rx is _AFTER_SPOKES
                    or r.type != EntityType.COUNTRY
                ):
                    return r.key
        if _AFTER_PRONOUN.match(tail):
            return last
        return None
    pos = _marker_index(ctx, tg, qa, markers, last_marker=False)
    head = s[:pos]
    for rx in (_BEFORE, _BEFORE_FOR):
        m = rx.search(head[-200:])
        if m:
            return _ref_key(tg, m.group(1)).key
    if _BEFORE_PRONOUN.search(head[-60:]):
        return last
    return None


def _marker_index(
    ctx: DocContext, tg: Tagged, qpos: int, markers: list[int], last_marker: bool
) -> int:
    """Which quote marker in the tagged sentence stands for the quotation at ``qpos``."""
    inside = ctx.lay.quotes_in(tg.sent.start, tg.sent.end)
    for n, q in enumerate(inside):
        if q[0] <= qpos <= q[1] and n < len(markers):
            return markers[n]
    return markers[-1] if last_marker else markers[0]
