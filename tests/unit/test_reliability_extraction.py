"""The reader and extractor cannot be made to crash or hang.

Hypothesis throws random and adversarial text (and bytes) at
``graph.documents`` + ``graph.extract``: the only exception allowed out is a
:class:`DocumentError` from the reader, and every extraction passes the store's
consistency checks (``graph.store.plan.plan``). A second test measures CPU time
on adversarial text of 50k and 400k characters: it must grow about linearly.
"""

from __future__ import annotations

import random
import time
from collections.abc import Callable

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from graph.documents import make_document, read_bytes
from graph.errors import DocumentError
from graph.extract import extract
from graph.model import Document, Extraction
from graph.store.plan import plan

# Pieces that steer the extractor's rules: names, titles, acronyms, dates, meeting verbs,
# quotes, possessives, brackets, front matter, HTML and chrome phrases.
TOKENS = [
    "The", "Ministry", "of", "Finance", "Science", "and", "ICT", "(MSIT)", "MSIT", "OpenAI",
    "Anthropic", "Inc.", "Corp", "Ltd", "National", "Agency", "Council", "Bank", "Veltra",
    "Kim", "Min-jun", "Lee", "Choi", "Woo-hyuk", "Jana", "Holm", "Mr.", "Dr.", "Prof.",
    "U.S.", "Korea's", "Japan's", "Seoul", "Tokyo", "met", "meet", "meets", "meeting",
    "held", "talks", "with", "attended", "hosted", "visited", "signed", "agreed", "will",
    "did", "not", "cancelled", "postponed", "said", "told", "reporters", "on", "in", "at",
    "May", "3,", "2025", "Monday", "last", "week", "next", "month", "2026-02-30",
    "February", "30,", "13/45/2025", "chief", "executive", "head", "of", "policy", "former",
    "spokesperson", "minister", "CEO", "\u201c", "\u201d", '"', "'", "'s", "\u2019s",
    "(", ")", "[", "]", ",", ".", ";", ":", "\u2014", "\u2026", "!", "?", "\n", "\n\n",
    "---", "title:", "date:", "<p>", "</p>", "<script>", "<html>", "#", "**", "> ",
    "Copyright", "All rights reserved", "Sign up", "Related", "By", "Photo:", "\u00a9",
    "\t", "\u00a0", "\u200b", "\ufeff", "\u3002", "과학기술정보통신부", "経済産業省", "é",
]  # fmt: skip

# For timing, the soup leaves out what makes the reader cut or re-parse the text (chrome
# phrases, HTML, front matter, short lines), so that all of it reaches the extractor.
_CUTTERS = {"Copyright", "All rights reserved", "Sign up", "Related", "\u00a9", "---", "title:",
            "date:", "<p>", "</p>", "<script>", "<html>", "#", "> ", "By", "Photo:", "\n",
            "\n\n"}  # fmt: skip
SOUP = [t for t in TOKENS if t not in _CUTTERS]

adversarial_text = st.lists(
    st.one_of(st.sampled_from(TOKENS), st.text(max_size=6)), min_size=0, max_size=400
).map(lambda parts: " ".join(parts))


def run_pipeline(read: Callable[[], Document]) -> Extraction | None:
    """Read then extract; ``None`` when the reader refused the input (the one allowed error)."""
    try:
        doc = read()
    except DocumentError as exc:
        assert str(exc).strip()
        return None
    extraction = extract(doc)
    plan(extraction)  # keys known, evidence offsets inside the text, no empty names
    for entity in extraction.entities:
        for ev in entity.evidence:
            assert doc.text[ev.start : ev.end].strip()
    return extraction


PROPERTY = settings(
    max_examples=150,
    deadline=None,  # a loaded 2-core machine: bound the time per example below instead
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    derandomize=True,
)


@PROPERTY
@given(text=st.text(max_size=3000))
def test_random_unicode_text(text: str) -> None:
    started = time.process_time()
    run_pipeline(lambda: make_document(text))
    assert time.process_time() - started < 10


@PROPERTY
@given(text=adversarial_text, kind=st.sampled_from(["text", "markdown", "html"]))
def test_adversarial_token_soup(text: str, kind: str) -> None:
    started = time.process_time()
    run_pipeline(lambda: make_document(text, kind=kind))
    assert time.process_time() - started < 10


@PROPERTY
@given(data=st.binary(max_size=4000), name=st.sampled_from(["a.txt", "a.md", "a.html", None]))
def test_random_bytes(data: bytes, name: str | None) -> None:
    run_pipeline(lambda: read_bytes(data, name))


@PROPERTY
@given(text=adversarial_text, encoding=st.sampled_from(["utf-8", "utf-8-sig", "utf-16"]))
def test_adversarial_text_in_every_accepted_encoding(text: str, encoding: str) -> None:
    run_pipeline(lambda: read_bytes(text.encode(encoding, errors="surrogatepass"), "a.txt"))


# --- time grows linearly -----------------------------------------------------------------------

FAMILIES: dict[str, Callable[[random.Random, int], str]] = {
    # Dense reporting: every sentence a meeting, a date, a person with a title (was quadratic).
    "meetings": lambda r, i: (
        f"The Ministry of Finance met OpenAI and Anthropic on May {i % 28 + 1}, 2025, in Seoul, "
        f"said Kim Min-jun, head of policy at NIS. "
    ),
    "possessives": lambda r, i: (
        f"Korea's minister met Japan's envoy in Tokyo on June {i % 28 + 1}. "
    ),
    "acronyms": lambda r, i: (
        f"The Agency {i} (AG{i}) met the Ministry of Trade (MOT); AG{i} said. "
    ),
    "quotes": lambda r, i: (
        f'\u201cWe met them,\u201d said Kim Min-jun. "It went well," Lee Sang-ho said on day {i}. '
    ),
    "soup": lambda r, i: " ".join(r.choice(SOUP) for _ in range(12)) + " ",
    "caps": lambda r, i: (
        " ".join(
            r.choice(["Alpha", "Beta", "Council", "Ministry", "of", "Agency", "Union", "Bank"])
            for _ in range(14)
        )
        + ". "
    ),
}


def adversarial(family: str, size: int) -> str:
    rng = random.Random(size)
    make = FAMILIES[family]
    parts: list[str] = []
    total = 0
    i = 0
    while total < size:
        piece = make(rng, i) + ("\n\n" if i % 6 == 5 else "")
        parts.append(piece)
        total += len(piece)
        i += 1
    return "".join(parts)[:size]


def cpu_seconds(text: str) -> float:
    """CPU time of reading and extracting ``text`` (steadier than wall time on a busy machine)."""
    started = time.process_time()
    doc = make_document(text)
    assert len(doc.text) > 0.9 * len(text)  # the extractor saw (nearly) all of it
    extract(doc)
    return time.process_time() - started


@pytest.mark.long
@pytest.mark.slow
@pytest.mark.parametrize("family", sorted(FAMILIES))
def test_time_grows_linearly_with_length(family: str) -> None:
    small, large = 50_000, 400_000
    cpu_seconds(adversarial(family, 5_000))  # warm caches (lexicon, regexes)
    t_small = min(cpu_seconds(adversarial(family, small)) for _ in range(2))
    t_large = cpu_seconds(adversarial(family, large))
    print(f"{family}: {t_small:.2f}s CPU at {small:,} chars, {t_large:.2f}s at {large:,}")
    linear = large / small
    # A loose bound: quadratic growth would give 64x; allow 3x the linear 8x for noise.
    assert t_large < 3 * linear * max(t_small, 0.05), (family, t_small, t_large)
    assert t_large < 60, (family, t_large)  # 400k characters: seconds, not minutes
