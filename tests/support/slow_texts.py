"""Texts made to be slow for the extractor: the families whose time must grow linearly.

Shared by the linear-time tests (``tests/unit/test_reliability_extraction.py``,
``tests/unit/test_extract_robustness.py``), which compare the same family at two sizes,
and ``bench/reliability_bench.py``, which prints how long each takes on this machine.
"""

from __future__ import annotations

import random
import time
from collections.abc import Callable

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
    """``size`` characters of ``family``, a paragraph break every six pieces (the same text
    for the same size, so a test and the bench measure the same thing)."""
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


# Texts that once made a pass over the text restart per match; each is made at n and 4n.
_LINE = " ".join(["Alder Norvik Group met Ministry of Sand and Glass officials"] * 20000)
PATHOLOGICAL: dict[str, Callable[[int], str]] = {
    "long-line": lambda n: _LINE[:n],  # one line, no punctuation (bad_inputs' long-line)
    "quote-run": lambda n: '"' * n,
    "quoted-words": lambda n: ('"a" ' * n)[:n],
    "open-brackets": lambda n: "(" * n,
    "short-meetings": lambda n: ("Kim met Lee. " * n)[:n],
}


def cpu_seconds(work: Callable[[], object]) -> float:
    """CPU time of ``work()`` in this process: steadier than wall time on a shared machine."""
    started = time.process_time()
    work()
    return time.process_time() - started


def growth(
    make: Callable[[int], str], run: Callable[[str], object], n: int, factor: int
) -> tuple[float, float]:
    """CPU seconds of ``run`` on ``make(n)`` (best of two, after a warm-up of the lexicon and
    regexes) and on ``make(factor * n)``: the same work at two sizes, in one process."""
    run(make(min(n, 5_000)))
    small = min(cpu_seconds(lambda: run(make(n))) for _ in range(2))
    large = cpu_seconds(lambda: run(make(factor * n)))
    return small, large
