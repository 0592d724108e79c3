"""A document as the relation rules see it: sentences with entity tags.

Each sentence becomes a string where every entity mention is replaced by a tag
``\\ue000N\\ue001`` (N indexes ``Tagged.refs``) and every quotation by ``\\ue002``,
so the rules are short regexes over sentence structure instead of over names.
Generic references ("the ministry", "the company's") are tagged too, resolved to
the most recently mentioned entity that fits.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from graph.extract.entities import Cluster
from graph.extract.mentions import Mention
from graph.extract.text import Sentence, TextLayout
from graph.model import EntityType, Evidence

TAG = re.compile(r"\ue000(\d+)\ue001")
QUOTE = "\ue002"
ORG_TYPES = frozenset({EntityType.GOVERNMENT_BODY, EntityType.COMPANY, EntityType.ORGANIZATION})
_COMPANY_WORDS = frozenset(
    [
        "company",
        "firm",
        "startup",
        "developer",
        "operator",
        "carrier",
        "maker",
        "group",
        "lender",
        "bank",
    ]
)
_GOV_WORDS = frozenset(["regulator", "watchdog"])


@dataclass
class Ref:
    key: str
    type: EntityType
    mention: Mention
    generic: bool = False


@dataclass
class Tagged:
    sent: Sentence
    s: str
    refs: list[Ref] = field(default_factory=list)
    markers: list[int] | None = None  # positions of QUOTE in s, computed on demand
    # mentions inside quotations: hidden from the string rules, seen by the parse-based
    # meeting rules ("the secretary signed letters with X and Y," said a spokesman)
    quoted_refs: list[Ref] = field(default_factory=list)

    def ref(self, m: re.Match[str], group: int | str = 1) -> Ref:
        return self.refs[int(m.group(group))]

    def tags(self, a: int = 0, b: int | None = None) -> list[tuple[int, Ref]]:
        """(position, ref) of every tag in s[a:b]."""
        stop = len(self.s) if b is None else b
        return [(m.start(), self.refs[int(m.group(1))]) for m in TAG.finditer(self.s, a, stop)]


@dataclass
class DocContext:
    text: str
    lay: TextLayout
    clusters: list[Cluster]
    keys: dict[int, str]  # cluster id -> entity key
    types: dict[str, EntityType]
    names: dict[str, str]
    of_mention: dict[int, Cluster]
    tagged: list[Tagged] = field(default_factory=list)
    generic_candidates: dict[str, frozenset[str]] = field(default_factory=dict)

    def evidence(self, sent: Sentence) -> Evidence:
        return Evidence(sentence=sent.text, start=sent.start, end=sent.end)


def _candidates(head: str, ctx: DocContext, head_words: dict[str, set[str]]) -> frozenset[str]:
    """Entities a generic head noun can refer to (cached per document and head)."""
    cache = ctx.generic_candidates
    if head in cache:
        return cache[head]
    heads = {head, "center" if head == "centre" else "centre" if head == "center" else head}
    if head in _COMPANY_WORDS:
        cands = [k for k, t in ctx.types.items() if t == EntityType.COMPANY]
        if head in ("bank", "lender"):
            banks = [k for k in cands if "bank" in head_words[k]]
            cands = banks or cands
    elif head in _GOV_WORDS:
        cands = [k for k, t in ctx.types.items() if t == EntityType.GOVERNMENT_BODY]
    else:
        cands = [k for k, t in ctx.types.items() if t in ORG_TYPES and head_words[k] & heads]
    cache[head] = frozenset(cands)
    return cache[head]


def _resolve_generic(
    g: Mention,
    recent: list[tuple[int, str, int]],
    ctx: DocContext,
    head_words: dict[str, set[str]],
) -> str | None:
    """Resolve 'the ministry' / 'the company's' to an entity mentioned before it."""
    head = (g.head or "").lower()
    cand_set = _candidates(head, ctx, head_words)
    same = [(pos, k) for pos, k, sent in recent if k in cand_set and sent == g.sent]
    if same:
        return max(same)[1]
    # otherwise: the first fitting entity of the nearest earlier sentence naming one
    best_sent = -1
    best: str | None = None
    for _pos, k, sent in recent:
        if k in cand_set and sent < g.sent and sent > best_sent:
            best_sent, best = sent, k
    if best is None:
        return None
    firsts = [(pos, k) for pos, k, sent in recent if sent == best_sent and k in cand_set]
    return min(firsts)[1]


def build_tagged(ctx: DocContext, mentions: list[Mention]) -> None:
    """Tag every sentence; resolve generic references in reading order."""
    head_words = {k: {w.lower() for w in name.split()} for k, name in ctx.names.items()}
    recent: list[tuple[int, str, int]] = []  # (position, key, sentence) of named mentions
    by_sent: dict[int, list[Ref]] = {}
    for m in mentions:
        if m.kind == "generic":
            key = _resolve_generic(m, recent[-60:], ctx, head_words)
            if key is None:
                continue
            by_sent.setdefault(m.sent, []).append(Ref(key, ctx.types[key], m, generic=True))
            continue
        c = ctx.of_mention.get(m.id)
        if c is None or c.cid not in ctx.keys:
            continue
        key = ctx.keys[c.cid]
        by_sent.setdefault(m.sent, []).append(Ref(key, ctx.types[key], m))
        recent.append((m.start, key, m.sent))
    quotes = ctx.lay.quotes
    qi = 0
    for sent in ctx.lay.sentences:
        # a name stated inside a longer one ("the EU Delegation") is an entity of its own,
        # but the sentence is read with the longer name
        refs = sorted(
            (r for r in by_sent.get(sent.index, []) if not r.mention.hints.get("inside")),
            key=lambda r: r.mention.start,
        )
        # quotation spans (with their marks) clipped to this sentence
        while qi < len(quotes) and quotes[qi][1] + 1 <= sent.start:
            qi += 1
        spans: list[tuple[int, int]] = []
        k = qi
        while k < len(quotes) and quotes[k][0] - 1 < sent.end:
            a, b = max(quotes[k][0] - 1, sent.start), min(quotes[k][1] + 1, sent.end)
            if a < b:
                spans.append((a, b))
            k += 1
        pieces: list[str] = []
        out_refs: list[Ref] = []
        pos = ctx.lay.dateline_end(sent)
        si = 0
        ri = 0
        while pos < sent.end:
            next_q = spans[si][0] if si < len(spans) else sent.end
            while ri < len(refs) and refs[ri].mention.start < pos:
                ri += 1
            next_r = refs[ri].mention.start if ri < len(refs) else sent.end
            if next_q <= next_r and si < len(spans):
                pieces.append(ctx.text[pos:next_q])
                pieces.append(QUOTE)
                pos = spans[si][1]
                si += 1
            elif ri < len(refs) and next_r < sent.end:
                r = refs[ri]
                pieces.append(ctx.text[pos:next_r])
                pieces.append(f"\ue000{len(out_refs)}\ue001")
                out_refs.append(r)
                pos = r.mention.end
                ri += 1
            else:
                pieces.append(ctx.text[pos : sent.end])
                pos = sent.end
        s = "".join(pieces).replace("\u2019", "'").replace("\n", " ")
        quoted = [r for r in refs if any(a <= r.mention.start < b for a, b in spans)]
        ctx.tagged.append(Tagged(sent, s, out_refs, quoted_refs=quoted))
