"""Reading and writing ``:Correction`` records inside a store transaction.

The store's own derivation (``refresh_entities``) asks :func:`renamed` for a name the user
chose, so a rename holds through every re-derivation, not only the next one.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from graph.database.cypher import query

if TYPE_CHECKING:
    from graph.store.transaction import Work

KINDS = ("rename", "split", "wrong", "remove")


def run(w: Work, name: str, **params: Any) -> list[dict[str, Any]]:
    """One statement of ``cypher/corrections/`` in the store's transaction, counted like its own."""
    result = w.tx.run(query(f"corrections/{name}"), params)
    rows = [record.data() for record in result]
    counters = result.consume().counters
    w.counts["nodes_created"] += counters.nodes_created
    w.counts["nodes_removed"] += counters.nodes_deleted
    w.counts["relationships_created"] += counters.relationships_created
    w.counts["relationships_removed"] += counters.relationships_deleted
    return rows


@dataclass(frozen=True)
class Correction:
    """One stored correction, as the store and its callers read it."""

    id: str
    kind: str
    props: Mapping[str, Any]

    @property
    def fact(self) -> dict[str, Any]:
        """The properties a fact marked wrong had (its provenance lists)."""
        raw = self.props.get("fact")
        return dict(json.loads(raw)) if isinstance(raw, str) else {}

    def get(self, key: str) -> Any:
        return self.props.get(key)


def _correction(props: Mapping[str, Any]) -> Correction:
    return Correction(id=str(props["id"]), kind=str(props["kind"]), props=props)


def touching(w: Work, ids: Iterable[str], docs: Iterable[str] = ()) -> list[Correction]:
    """Corrections naming one of ``ids`` or holding evidence from one of ``docs``."""
    rows = run(w, "touching", ids=sorted(set(ids)), docs=sorted(set(docs)))
    return [_correction(r["c"]) for r in rows]


def save(w: Work, cid: str, props: Mapping[str, Any]) -> None:
    clean = {k: v for k, v in props.items() if v is not None}
    run(w, "save", id=cid, props=clean)


def forget(w: Work, ids: Iterable[str]) -> None:
    wanted = sorted(set(ids))
    if wanted:
        run(w, "delete", ids=wanted)


def renamed(w: Work, keys_of: Mapping[str, Iterable[str]]) -> dict[str, str]:
    """The name a user gave each of these entities (id -> name), if any: a rename of the same
    id wins over one recorded for a node that is gone but shared a resolution key."""
    if not keys_of:
        return {}
    all_keys = sorted({k for keys in keys_of.values() for k in keys})
    rows = run(w, "renames", ids=sorted(keys_of), keys=all_keys)
    out: dict[str, str] = {}
    by_key: dict[str, str] = {}
    for r in rows:  # oldest first: later renames overwrite
        if r["entity_id"] in keys_of:
            out[r["entity_id"]] = r["name"]
            continue
        for k in r["keys"] or []:
            by_key[k] = r["name"]
    for eid, keys in keys_of.items():
        if eid not in out:
            names = [by_key[k] for k in sorted(keys) if k in by_key]
            if names:
                out[eid] = names[0]
    return out
