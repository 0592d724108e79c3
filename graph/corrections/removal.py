"""Remove a bogus entity by hand, and restore it (issue 14).

Removing never deletes: the entity gets the ``:Removed`` label, which every read of
``cypher/api``, ``cypher/explorer``, ``cypher/viz`` and ``cypher/queries`` skips, and drops out
of the ``MET`` summary (its meetings keep their other participants). Its documents, mentions
and facts stay, so :meth:`Removals.restore` only takes the label away. A ``:Correction``
(``kind: 'remove'``) records it: a load that creates the node again (its documents removed and
loaded again, by id or, under another id, by a shared resolution key) marks it again.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from neo4j import ManagedTransaction, unit_of_work
from pydantic import BaseModel

from graph.corrections.records import Correction, forget, run, save
from graph.database.cypher import query
from graph.database.db import Graph
from graph.errors import Ambiguous, NotFound
from graph.read.lucene import build_query
from graph.read.models import EntityRef
from graph.read.reads import Reads, ref_params
from graph.store.graph_store import GraphStore
from graph.store.summaries import sync as sync_met
from graph.store.transaction import WRITE_TIMEOUT_S, Work

KIND = "remove"


class RemovalOut(BaseModel):
    """An entity removed or restored, as the CLI and the API show it."""

    id: str
    name: str
    type: str | None = None
    removed: bool
    correction_id: str


def removal_id(entity: str) -> str:
    return f"{KIND}:{entity}"


class Removals:
    """Remove an entity from every read, restore it, find a removed one by reference."""

    def __init__(self, graph: Graph) -> None:
        self.graph = graph

    def remove(self, entity: str) -> RemovalOut:
        """Remove the entity with this id; removing it again changes nothing."""
        return GraphStore._retrying(lambda: self.graph.write(_remove_work, entity))

    def restore(self, entity: str) -> RemovalOut:
        """Undo :meth:`remove`: the label and the record go; NotFound when it is not removed."""
        return GraphStore._retrying(lambda: self.graph.write(_restore_work, entity))

    def find(self, ref: str) -> EntityRef:
        """The removed entity ``ref`` names (id, name or alias, any case): what a restore
        takes, since the reads no longer find it. NotFound (with the closest removed names)
        or Ambiguous, like :meth:`Reads.resolve`."""
        text = ref.strip()
        if not text:
            raise NotFound("an empty name names no entity")
        rows = self.graph.read(query("corrections/removed_by_ref"), ref_params(text))
        if rows and rows[0]["tier"] < 0:
            return EntityRef.model_validate(rows[0]["entity"])
        best = [r for r in rows if r["tier"] == rows[0]["tier"]] if rows else []
        if len(best) > 1:
            candidates: list[dict[str, object]] = [
                EntityRef.model_validate(r["entity"]).model_dump() for r in best
            ]
            raise Ambiguous(
                f"{text!r} names {len(best)} removed entities; ask again with one of their ids",
                candidates,
            )
        if best:
            return EntityRef.model_validate(best[0]["entity"])
        lucene = build_query(text)
        closest: list[dict[str, object]] = []
        if lucene is not None:
            found = self.graph.read(
                query("corrections/removed_closest"), {"lucene": lucene, "limit": 5}
            )
            closest = [EntityRef.model_validate(r["entity"]).model_dump() for r in found]
        hint = f"; closest: {', '.join(str(c['name']) for c in closest)}" if closest else ""
        raise NotFound(f"no removed entity is called {text!r}{hint}", closest)

    def target(self, ref: str) -> EntityRef:
        """The entity a removal names: a live one, else one already removed (so removing
        twice answers the same, not 404)."""
        try:
            return Reads(self.graph).resolve(ref)
        except NotFound:
            try:
                return self.find(ref)
            except NotFound:
                pass
            raise


# --- inside a store transaction ---------------------------------------------------------------


def mark(w: Work, ids: Iterable[str], removed: bool = True) -> list[str]:
    """Set (or take away) the mark; the MET summary of the entities whose mark changed is
    brought up to date (a removed entity met no one). Returns those entities."""
    wanted = sorted(set(ids))
    if not wanted:
        return []
    changed = [str(r["id"]) for r in run(w, "removed_set", ids=wanted, removed=removed)]
    if changed:
        sync_met(w, changed, ())
    return changed


def reapply(w: Work, found: Iterable[Correction], ids: Iterable[str]) -> None:
    """After a load: mark again the entities a removal names (``found``: the corrections that
    touch the load), and those that share a resolution key with a removed entity that is gone
    (its record now names them)."""
    wanted = {str(c.get("entity_id")) for c in found if c.kind == KIND}
    for row in run(w, "removals_moved", ids=sorted(set(ids))):
        c = Correction(str(row["c"]["id"]), KIND, row["c"])
        save(w, c.id, {**c.props, "entity_id": row["eid"]})
        wanted.add(str(row["eid"]))
    mark(w, wanted)


def after_merge(w: Work, c: Correction, drop_id: str) -> bool:
    """A manual merge of a removed entity into another forgets the removal (the user chose to
    keep what it named); returns whether ``c`` was such a removal."""
    if c.kind != KIND or c.get("entity_id") != drop_id:
        return False
    forget(w, [c.id])
    return True


def _node(w: Work, entity: str) -> dict[str, Any]:
    rows = w.run("node_find", id=entity)
    if not rows or rows[0]["kind"] != "entity":
        raise NotFound(f"no entity with id {entity!r}")
    return rows[0]


@unit_of_work(timeout=WRITE_TIMEOUT_S)
def _remove_work(tx: ManagedTransaction, entity: str) -> RemovalOut:
    w = Work(tx)
    node = _node(w, entity)
    w.lock([f"key:{k}" for k in node["keys"]] + [f"node:{entity}"])
    cid = removal_id(entity)
    props = {
        "kind": KIND,
        "entity_id": entity,
        "name": node["name"],
        "type": node["type"],
        "keys": sorted(node["keys"]),
    }
    save(w, cid, props)
    mark(w, [entity])
    w.unlock()
    return RemovalOut(
        id=entity, name=node["name"], type=node["type"], removed=True, correction_id=cid
    )


@unit_of_work(timeout=WRITE_TIMEOUT_S)
def _restore_work(tx: ManagedTransaction, entity: str) -> RemovalOut:
    w = Work(tx)
    found = run(w, "removals_of", ids=[entity])
    records = [Correction(str(r["c"]["id"]), KIND, r["c"]) for r in found]
    rows = w.run("node_find", id=entity)
    node = rows[0] if rows and rows[0]["kind"] == "entity" else None
    if node is not None:
        w.lock([f"key:{k}" for k in node["keys"]] + [f"node:{entity}"])
    changed = mark(w, [entity], removed=False) if node is not None else []
    if not records and not changed:
        raise NotFound(f"no removed entity with id {entity!r}")
    forget(w, [c.id for c in records])
    w.unlock()
    name = node["name"] if node is not None else str(records[0].get("name"))
    etype = node["type"] if node is not None else records[0].get("type")
    cid = records[0].id if records else removal_id(entity)
    return RemovalOut(id=entity, name=name, type=etype, removed=False, correction_id=cid)


__all__ = ["RemovalOut", "Removals", "after_merge", "mark", "reapply", "removal_id"]
