"""Refuse a user's Cypher before it reaches Neo4j when it could write or administer.

This is the first of two locks: the query also runs in a READ transaction,
where the server itself refuses writes. The check works on the query with its
comments and string literals blanked out, so words inside text do not count,
and backquoted names unquoted, so `` `dbms`.x() `` is still seen as ``dbms.x()``.
Refusing a harmless query that uses a write word as a name is the accepted cost.
"""

from __future__ import annotations

import re

from graph.errors import QueryRefused

# Every character Cypher (or a later Neo4j) might take for the end of a line, so that the
# guard and the server agree on where a ``//`` comment stops: the text is checked and sent
# with each of these turned into ``\n``.
_LINE_ENDS = re.compile("\r\n|[\r\u2028\u2029\u0085\u000b\u000c]")

MAX_QUERY_CHARS = 20_000

_KEYWORD = r"(?<![.$\w])"  # not a property (n.set), a parameter ($set) or part of a word
_RULES: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(pattern, re.IGNORECASE), reason)
    for pattern, reason in (
        (
            _KEYWORD + r"(CREATE|INSERT|MERGE|DELETE|DETACH|NODETACH|SET|REMOVE|DROP|FOREACH)\b",
            "writes ({0})",
        ),
        (_KEYWORD + r"LOAD\b", "reads files (LOAD CSV)"),
        # Any TRANSACTIONS keyword: "IN 3 CONCURRENT TRANSACTIONS" puts an expression after IN.
        (_KEYWORD + r"TRANSACTIONS\b", "runs its own transactions (IN TRANSACTIONS)"),
        (r"\bPERIODIC\s+COMMIT\b", "runs its own transactions (PERIODIC COMMIT)"),
        (
            _KEYWORD + r"(SHOW|GRANT|DENY|REVOKE|ALTER|RENAME|ENABLE|TERMINATE)\b",
            "is an admin command ({0})",
        ),
        (_KEYWORD + r"(START|STOP)\s+DATABASE\b", "is an admin command ({0})"),
        (r"\bdbms\s*\.", "calls a dbms.* procedure"),
        (
            r"\bdb\s*\.\s*(create\w*|clearQueryCaches|checkpoint|resample\w*|prepareForReplanning"
            r"|index\s*\.\s*\w+\s*\.\s*(create|drop)\w*|stats\s*\.\s*(clear|collect|stop)\w*)",
            "calls a procedure that changes the database ({0})",
        ),
        (
            r"\bapoc\s*\.\s*(create|merge|refactor|periodic|load|import|export|trigger|cypher|do"
            r"|nodes|atomic|lock|schema|custom|systemdb|uuid|ttl|graph|static|log)\b",
            "calls an APOC procedure that can write or reach outside ({0})",
        ),
    )
)
_USE = re.compile(r"(?<![.$\w])USE\s+([^\s(]+)", re.IGNORECASE)


def _blank_literals(text: str) -> str:
    """``text`` with comments and string contents removed and backquoted names unquoted."""
    out: list[str] = []
    i, n = 0, len(text)
    while i < n:
        ch = text[i]
        if text.startswith("//", i):
            end = text.find("\n", i)
            i = n if end < 0 else end
            out.append(" ")
        elif text.startswith("/*", i):
            end = text.find("*/", i + 2)
            i = n if end < 0 else end + 2
            out.append(" ")
        elif ch in "'\"":
            j = i + 1
            while j < n and text[j] != ch:
                j += 2 if text[j] == "\\" else 1
            i = j + 1
            out.append("''")
        elif ch == "`":
            j = i + 1
            name: list[str] = []
            while j < n:
                if text[j] == "`":
                    if text.startswith("``", j):  # an escaped backquote inside the name
                        name.append("_")
                        j += 2
                        continue
                    break
                name.append(text[j] if text[j].isalnum() or text[j] in "._" else "_")
                j += 1
            i = j + 1
            out.append("".join(name) or "_")
        else:
            out.append(ch)
            i += 1
    return "".join(out)


# How a refusal names what refused (the API's words; ``free_query`` puts the CLI's in).
CALLER = "this endpoint"


def normalize_line_ends(text: str) -> str:
    """``text`` with every line terminator as ``\n`` (what is checked is what is sent)."""
    return _LINE_ENDS.sub("\n", text)


def check_read_only(text: str, database: str) -> None:
    """Raise :class:`QueryRefused` unless ``text`` looks like a read of ``database``.

    ``text`` must already have gone through :func:`normalize_line_ends`; anything else
    is refused here too, so a caller cannot skip it by mistake."""
    if _LINE_ENDS.search(text):
        raise QueryRefused("the query has line ends other than \\n; normalize it first")
    if not text.strip():
        raise QueryRefused("the query is empty")
    if len(text) > MAX_QUERY_CHARS:
        raise QueryRefused(f"the query is longer than {MAX_QUERY_CHARS} characters")
    bare = _blank_literals(text)
    for pattern, reason in _RULES:
        match = pattern.search(bare)
        if match:
            word = " ".join(match.group(0).split()).lstrip(".")
            raise QueryRefused(f"refused: {CALLER} only reads, and the query {reason.format(word)}")
    for match in _USE.finditer(bare):
        if match.group(1).lower() != database.lower():
            raise QueryRefused(
                f"refused: queries run against the database {database!r}; USE {match.group(1)}"
                " is not allowed"
            )
