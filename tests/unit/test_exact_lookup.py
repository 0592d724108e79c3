"""The look-up keys an entity is found by, and the exact-term query that finds them."""

from __future__ import annotations

import re

from graph.read.lucene import exact_query
from graph.store.resolve import lookup_names, normalize_name

_QUOTED = re.compile(r'"((?:[^"\\]|\\.)*)"')


def _unquote(query: str) -> list[str]:
    return [re.sub(r"\\(.)", r"\1", m) for m in _QUOTED.findall(query)]


def test_every_value_is_one_quoted_term_whatever_it_holds() -> None:
    values = ['ada "quill" or *', "a\\b and (x)", "not", "x:y~2"]
    query = exact_query(values)
    assert _unquote(query) == values
    assert query.count(" OR ") == len(values) - 1


def test_empty_and_repeated_values_are_dropped() -> None:
    assert _unquote(exact_query(["kim", "", "kim"])) == ["kim"]


def test_lookup_keys_cover_every_form_a_name_look_up_compares() -> None:
    name, aliases = "Ministry of Science & ICT", ["MSIT", "Ministério"]
    norms = sorted({normalize_name(f) for f in [name, *aliases]})
    keys = lookup_names(name, aliases, norms)
    assert keys == sorted(set(keys))
    assert {name.lower(), *(a.lower() for a in aliases), *norms} <= set(keys)
