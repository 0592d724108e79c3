"""The corrections a user asks for, each in its own write transaction, recorded.

``rename`` gives an entity the name the user chose; ``split_alias`` moves the documents
that call an entity by one alias only (with every fact their evidence supports) to an
entity of its own and takes the alias out of the others' names; ``mark_wrong`` takes one
fact out of every answer and view, keeping it whole in its record until ``unmark``.
"""

from __future__ import annotations

import hashlib
from typing import Any, Literal

from neo4j import ManagedTransaction, unit_of_work
from pydantic import BaseModel

from graph.corrections.records import Correction, run, save
from graph.corrections.replay import (
    alias_only,
    apply_split,
    record_fields,
    refs,
    restore,
)
from graph.database.db import Graph
from graph.errors import NotFound, WhometError
from graph.model import EntityType
from graph.store.graph_store import GraphStore
from graph.store.plan import FACT_TYPES
from graph.store.resolve import entity_id, normalize_name
from graph.store.summaries import sync as sync_met
from graph.store.transaction import WRITE_TIMEOUT_S, Work, free_ids, refresh_entities

MAX_NAME = 300


class CorrectionOut(BaseModel):
    """One recorded correction, as the CLI and the API show it."""

    id: str
    kind: Literal["rename", "split", "wrong", "remove"]
    at: str | None = None
    entity_id: str | None = None
    name: str | None = None
    old_name: str | None = None
    from_id: str | None = None
    new_id: str | None = None
    alias: str | None = None
    type: str | None = None
    source_id: str | None = None
    source_name: str | None = None
    target_id: str | None = None
    target_name: str | None = None
    doc_ids: list[str] = []
    moved_documents: list[str] = []

    @classmethod
    def of(cls, c: Correction) -> CorrectionOut:
        fields = {k: v for k, v in c.props.items() if k in cls.model_fields and k != "at"}
        at = c.get("at")
        return cls(**fields, at=str(at.iso_format() if hasattr(at, "iso_format") else at))


def wrong_id(fact_type: str, source: str, target: str) -> str:
    digest = hashlib.sha1(f"{fact_type}|{source}|{target}".encode()).hexdigest()[:16]
    return f"wrong:{digest}"


class Corrections:
    """Rename, split an alias, mark a fact wrong or right again; list what was corrected."""

    def __init__(self, graph: Graph) -> None:
        """``graph`` is the caller's wrapper, used as is (its URI names the server in an
        outage)."""
        self.graph = graph

    def rename(self, entity: str, name: str) -> CorrectionOut:
        name = " ".join(name.split())
        if not name or len(name) > MAX_NAME:
            raise WhometError(f"a name is 1 to {MAX_NAME} characters")
        return GraphStore._retrying(lambda: self.graph.write(_rename_work, entity, name))

    def split_alias(self, entity: str, alias: str) -> CorrectionOut:
        return GraphStore._retrying(lambda: self.graph.write(_split_work, entity, alias))

    def mark_wrong(self, fact_type: str, source: str, target: str) -> CorrectionOut:
        if fact_type not in FACT_TYPES:
            raise WhometError(f"not a fact type: {fact_type!r} (one of {', '.join(FACT_TYPES)})")
        return GraphStore._retrying(lambda: self.graph.write(_mark_work, fact_type, source, target))

    def unmark(self, fact_type: str, source: str, target: str) -> CorrectionOut:
        return GraphStore._retrying(
            lambda: self.graph.write(_unmark_work, fact_type, source, target)
        )

    def wrong_of(self, entity: str) -> list[CorrectionOut]:
        """The facts of ``entity`` marked wrong (at most 200, newest first)."""
        from graph.database.cypher import query

        rows = self.graph.read(query("corrections/wrong_of"), {"id": entity})
        return [CorrectionOut.of(Correction(r["c"]["id"], "wrong", r["c"])) for r in rows]

    def all(self) -> list[CorrectionOut]:
        from graph.database.cypher import query

        rows = self.graph.read(query("corrections/all"))
        return [CorrectionOut.of(Correction(r["c"]["id"], r["c"]["kind"], r["c"])) for r in rows]


# --- transaction functions -----------------------------------------------------------------


def _entity(w: Work, entity: str) -> dict[str, Any]:
    rows = w.run("node_find", id=entity)
    if not rows or rows[0]["kind"] != "entity":
        raise NotFound(f"no entity with id {entity!r}")
    return rows[0]


def _saved(w: Work, cid: str) -> CorrectionOut:
    rows = run(w, "one", id=cid)
    return CorrectionOut.of(Correction(cid, rows[0]["c"]["kind"], rows[0]["c"]))


@unit_of_work(timeout=WRITE_TIMEOUT_S)
def _rename_work(tx: ManagedTransaction, entity: str, name: str) -> CorrectionOut:
    w = Work(tx)
    node = _entity(w, entity)
    w.lock([f"key:{k}" for k in node["keys"]] + [f"node:{entity}"])
    cid = f"rename:{entity}"
    props = {
        "kind": "rename",
        "entity_id": entity,
        "keys": sorted(node["keys"]),
        "name": name,
        "old_name": node["name"],
    }
    save(w, cid, props)
    refresh_entities(w, [entity])
    w.unlock()
    return _saved(w, cid)


@unit_of_work(timeout=WRITE_TIMEOUT_S)
def _split_work(tx: ManagedTransaction, entity: str, alias: str) -> CorrectionOut:
    w = Work(tx)
    node = _entity(w, entity)
    w.lock([f"key:{k}" for k in node["keys"]] + [f"node:{entity}"])
    alias_norm = normalize_name(alias)
    forms = [node["name"], *node["aliases"]]
    matching = [f for f in forms if normalize_name(f) == alias_norm]
    if not alias_norm or not matching:
        raise NotFound(f"{node['name']} is not called {alias!r} (its names: {', '.join(forms)})")
    mentions = w.run("entity_mentions", ids=[entity])[0]["mentions"]
    moving = sorted(m["doc_id"] for m in mentions if alias_only(m["names"] or [], alias_norm))
    if len(moving) == len(mentions):
        raise WhometError(
            f"every document calls {node['name']} {alias!r}: there is nothing to split it from"
            " (rename it instead)"
        )
    etype = EntityType(node["type"])
    alias_form = matching[0]
    new_id = free_ids(w, [(entity_id(alias_form, etype), etype, None)], avoid={entity})[0]
    cid = f"split:{entity}:{alias_norm}"
    props = {
        "kind": "split",
        "from_id": entity,
        "from_name": node["name"],
        "new_id": new_id,
        "alias": alias_form,
        "alias_norm": alias_norm,
        "type": etype.value,
        "moved_documents": moving,
    }
    save(w, cid, props)
    apply_split(w, Correction(cid, "split", props))
    w.unlock()
    return _saved(w, cid)


@unit_of_work(timeout=WRITE_TIMEOUT_S)
def _mark_work(tx: ManagedTransaction, fact_type: str, source: str, target: str) -> CorrectionOut:
    w = Work(tx)
    live = run(w, "facts_find", type=fact_type, source=source, target=target, refs=[])
    live = [r for r in live if r["target"] == target]
    if not live:
        raise NotFound(f"no {fact_type} fact from {source!r} to {target!r}")
    w.lock([f"node:{source}", f"node:{target}"])
    fact = live[0]
    cid = wrong_id(fact_type, source, target)
    props = {
        "kind": "wrong",
        "type": fact_type,
        "source_id": source,
        "source_name": fact["source_name"],
        "target_id": target,
        "target_name": fact["target_name"],
        **record_fields(dict(fact["props"])),
    }
    save(w, cid, props)
    w.run("rels_delete", rels=[fact["rel"]])
    sync_met(w, (), [str(fact["target"])])
    w.unlock()
    return _saved(w, cid)


@unit_of_work(timeout=WRITE_TIMEOUT_S)
def _unmark_work(tx: ManagedTransaction, fact_type: str, source: str, target: str) -> CorrectionOut:
    w = Work(tx)
    found = [
        c
        for c in _wrong_records(w, source, target)
        if (c.get("type"), c.get("source_id"), c.get("target_id")) == (fact_type, source, target)
    ]
    if not found:
        raise NotFound(f"no {fact_type} fact from {source!r} to {target!r} is marked wrong")
    w.lock([f"node:{source}", f"node:{target}"])
    out = CorrectionOut.of(found[0])
    restore(w, found[0])
    w.unlock()
    return out


def _wrong_records(w: Work, source: str, target: str) -> list[Correction]:
    from graph.corrections.records import touching

    return [c for c in touching(w, [source, target]) if c.kind == "wrong"]


__all__ = ["Corrections", "CorrectionOut", "refs", "wrong_id"]
