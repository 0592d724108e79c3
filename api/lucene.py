"""Build the full-text query for a user's search words.

The words travel as a query parameter, but Lucene parses that parameter, so a
stray ``(`` or ``AND`` would be a syntax error or an operator. Only word
characters are kept (every Lucene special character is escaped as well, for
safety); each word matches exactly (boosted) or as a prefix, and all must match.
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
    clauses = [f"({escape(t)}^2 OR {escape(t)}*)" for t in found]
    return " AND ".join(clauses)
