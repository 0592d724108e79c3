"""How common an English word is, from the ``wordfreq`` package's frequency lists.

A run of capitalised words that are all everyday English ("Response Measures", "Stay
Connected", "Future Operating Plans") is a headline or a button, not a person's name;
real names have at least one rare word or a known given name.
"""

from __future__ import annotations

from functools import lru_cache

from wordfreq import zipf_frequency

# Zipf 4.0 is about once per 100,000 words: "measures" 4.7, "baker" 4.2, "sullivan" 3.9
COMMON_ZIPF = 4.0


@lru_cache(maxsize=65536)
def zipf(word: str) -> float:
    return float(zipf_frequency(word.lower(), "en"))


def everyday_phrase(tokens: tuple[str, ...]) -> bool:
    """Every word of the phrase is common English (hyphenated parts each)."""
    words = [w for t in tokens for w in t.split("-") if w]
    return bool(words) and all(w.isalpha() and zipf(w) >= COMMON_ZIPF for w in words)
