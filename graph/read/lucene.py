"""Build the full-text query for a user's search words.

The words travel as a query parameter, but Lucene parses that parameter, so a
stray ``(`` or ``AND`` would be a syntax error or an operator. Only word
characters are kept (every Lucene special character is escaped as well, for
safety); each word matches exactly (boosted), as a prefix, or (4+ letters) with one or two
typing errors; all must match.
"""

from __future__ import annotations

import re

MAX_TERMS = 12
_WORD = re.compile(r"\w+", re.UNICODE)
_SPECIAL = re.compile(r'([+\-&|!(){}\[\]^"~*?:\\/])')


def escape(term: str) -> str:
    """``term`` with Lucene's special characters backslash-escaped."""
    return _SPECIAL.sub(r"\\\1", term)


def terms(words: str) -> list[str]:
    """The searchable words of ``words``, lower-cased (so AND/OR/NOT are plain words)."""
    return [w.lower() for w in _WORD.findall(words)][:MAX_TERMS]


def build_query(words: str) -> str | None:
    """A Lucene query for ``words``, or None when nothing searchable is left."""
    found = terms(words)
    if not found:
        return None
    return " AND ".join(_clause(t) for t in found)


def fuzzy_edits(term: str) -> int:
    """How many typing errors a term may carry: none under 4 letters (too many near
    neighbours), one up to 7, two beyond."""
    return 0 if len(term) < 4 else 1 if len(term) < 8 else 2


def _clause(term: str) -> str:
    """Exact words rank first, then prefixes (type-ahead), then near misspellings."""
    word = escape(term)
    edits = fuzzy_edits(term)
    fuzzy = f" OR {word}~{edits}" if edits else ""
    return f"({word}^3 OR {word}*^2{fuzzy})"


def exact_query(values: list[str]) -> str:
    """A Lucene query that matches any of ``values`` as one whole key (for a keyword-analyzed
    index: each quoted value is one term, so words, operators and wildcards mean nothing)."""
    found = list(dict.fromkeys(v for v in values if v))
    return " OR ".join('"' + v.replace("\\", "\\\\").replace('"', '\\"') + '"' for v in found)
