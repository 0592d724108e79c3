"""Provenance lists on fact relationships: split and join them (pure functions).

A fact keeps one entry per supporting document in parallel lists sorted by
``doc_id``. Merging two nodes joins the entries of their parallel facts;
splitting a node hands the entries of some documents to a new node. The single
values shown on a fact (``role``, ``implied``, ``title``...) are re-derived by
``cypher/store/facts_derive.cypher`` afterwards, so they are not handled here.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from typing import Any

# Lists parallel to doc_ids; the last five exist only on some relationship types.
PARALLEL = (
    "doc_ids",
    "sentences",
    "starts",
    "ends",
    "roles",
    "implied_flags",
    "titles",
    "current_flags",
    "details",
)
DERIVED = ("role", "implied", "title", "current", "detail")

Props = Mapping[str, Any]


def is_fact(props: Props) -> bool:
    return "doc_ids" in props


def entries(props: Props) -> list[dict[str, Any]]:
    """One dict per supporting document, holding that document's value of each list."""
    present = [k for k in PARALLEL if k in props]
    return [{k: props[k][i] for k in present} for i in range(len(props["doc_ids"]))]


def from_entries(rows: list[dict[str, Any]], base: Props) -> dict[str, Any]:
    """Fact properties from entries (sorted by doc_id); other keys of ``base`` kept."""
    out = {k: v for k, v in base.items() if k not in PARALLEL and k not in DERIVED}
    rows = sorted(rows, key=lambda r: str(r["doc_ids"]))
    for key in PARALLEL:
        if rows and key in rows[0]:
            out[key] = [r[key] for r in rows]
    return out


def split(props: Props, docs: Collection[str]) -> tuple[dict[str, Any], dict[str, Any]]:
    """(entries of ``docs``, the rest) as two property maps; either may have no doc_ids."""
    rows = entries(props)
    moving = [r for r in rows if r["doc_ids"] in docs]
    staying = [r for r in rows if r["doc_ids"] not in docs]
    return _maybe(moving, props), _maybe(staying, props)


def join(kept: Props | None, added: Props) -> dict[str, Any]:
    """Entries of both facts; a document in both keeps the entry of ``kept``."""
    if kept is None:
        return from_entries(entries(added), added) if is_fact(added) else dict(added)
    if not is_fact(kept) or not is_fact(added):
        return join_plain(kept, added)
    have = {r["doc_ids"] for r in entries(kept)}
    rows = entries(kept) + [r for r in entries(added) if r["doc_ids"] not in have]
    return from_entries(rows, kept)


def join_plain(kept: Props, added: Props) -> dict[str, Any]:
    """Non-fact relationships (MENTIONS, REPORTS): ``kept`` wins, name lists are united."""
    out = {**added, **kept}
    if "names" in kept or "names" in added:
        names = list(kept.get("names") or []) + list(added.get("names") or [])
        out["names"] = list(dict.fromkeys(names))
    return out


def _maybe(rows: list[dict[str, Any]], base: Props) -> dict[str, Any]:
    return from_entries(rows, base) if rows else {}
