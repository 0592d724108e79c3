"""Apply corrections inside a store transaction: when made, and again after every load.

A load re-creates whatever its documents say: the facts a user marked wrong, the mentions
of an alias that was split off. Replaying the corrections that touch the loaded document's
nodes at the end of its transaction puts the graph back as the user left it.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from graph.corrections.records import Correction, forget, run, save, touching
from graph.model import EntityType
from graph.store.provenance import entries, from_entries, join
from graph.store.resolve import TYPE_LABEL, normalize_name
from graph.store.summaries import sync as sync_met
from graph.store.transaction import (
    collect_garbage,
    derive_facts,
    events_of_entities,
    move_support,
    place_events,
    refresh_entities,
    refresh_events,
)

if TYPE_CHECKING:
    from graph.store.transaction import Work


def replay(w: Work, ids: Iterable[str], docs: Iterable[str] = ()) -> None:
    """Apply again every correction naming one of ``ids`` (or holding facts of ``docs``)."""
    ids = set(ids)
    from graph.corrections.removal import reapply  # imports the reads: only when replayed

    found = touching(w, ids, docs)
    reapply(w, found, ids)
    for c in found:
        if c.kind == "split":
            apply_split(w, c)
    for c in found:
        if c.kind == "wrong":
            hide(w, c)


# --- split alias -------------------------------------------------------------------------


def alias_only(names: Iterable[str], alias_norm: str) -> bool:
    """A document that names the entity by the alias and nothing else."""
    norms = [normalize_name(n) for n in names]
    return bool(norms) and all(n == alias_norm for n in norms)


def apply_split(w: Work, c: Correction) -> bool:
    """Put the documents that call the entity by the alias only on the split-off entity and
    the others on the original; take the alias out of the names the others use. Returns
    whether anything moved."""
    from_id, new_id = str(c.get("from_id")), str(c.get("new_id"))
    alias_norm = str(c.get("alias_norm"))
    rows = w.run("entity_mentions", ids=[from_id, new_id])
    moves: dict[tuple[str, str], set[str]] = {}
    strip: list[dict[str, Any]] = []
    for row in rows:
        for m in row["mentions"]:
            names = list(m["names"] or [])
            dest = new_id if alias_only(names, alias_norm) else from_id
            if dest != row["id"]:
                moves.setdefault((row["id"], dest), set()).add(m["doc_id"])
            rest = [n for n in names if normalize_name(n) != alias_norm]
            if dest == from_id and rest and len(rest) < len(names):
                main = m["name"] if normalize_name(m["name"] or "") != alias_norm else rest[0]
                strip.append({"doc_id": m["doc_id"], "names": rest, "name": main})
    if not moves and not strip:
        return False
    present = {r["id"] for r in rows}
    create = []
    for dest in {d for _, d in moves} - present:
        etype = EntityType(str(c.get("type")))
        name = c.get("alias") if dest == new_id else c.get("from_name")
        create.append({"id": dest, "label": TYPE_LABEL[etype], "name": name, "type": etype.value})
    keys = {k for r in w.run("node_find", id=from_id) for k in r["keys"]}
    w.lock([f"key:{k}" for k in keys] + [f"node:{from_id}", f"node:{new_id}"])
    if create:
        w.run("entities_create", rows=create)
    for (src, dst), moved in sorted(moves.items()):
        move_support(w, src, dst, moved)
    # Mentions moved from the split-off node are stripped too (they ended up on the original).
    if strip:
        run(w, "mention_names_set", id=from_id, rows=strip)
    settle(w, {from_id, new_id})
    return True


def settle(w: Work, entities: set[str]) -> None:
    """After support moved between entities: re-derive them, re-group their meetings' days,
    and delete what no document supports any more."""
    released = refresh_entities(w, entities)
    days = events_of_entities(w, entities)
    touched: set[str] = set()
    if days:
        w.lock([f"date:{d.isoformat()}" for d in days])
        touched = place_events(w, days).touched
        refresh_events(w, touched)
    collect_garbage(w, entities, sorted(touched), [], released)
    sync_met(w, entities, touched)


# --- facts marked wrong ------------------------------------------------------------------


def refs(props: dict[str, Any]) -> list[str]:
    """A fact's evidence as 'doc_id:start' (how it is found again after its ends change)."""
    return [f"{e['doc_ids']}:{e.get('starts')}" for e in entries(props)] if props else []


def hide(w: Work, c: Correction) -> int:
    """Take the live fact(s) a correction marks wrong out of the graph into the correction
    (their provenance joined to what it holds). Returns how many were taken."""
    held = c.fact
    live = run(
        w,
        "facts_find",
        type=c.get("type"),
        source=c.get("source_id"),
        target=c.get("target_id"),
        refs=list(c.get("refs") or []),
    )
    if not live:
        return 0
    target = c.get("target_id")
    for r in live:
        held = join(held or None, r["props"])
        target = r["target"]
    run_delete(w, [r["rel"] for r in live])
    sync_met(w, (), [str(r["target"]) for r in live])  # a meeting's participant taken away
    save(w, c.id, {**c.props, **record_fields(held), "target_id": target})
    return len(live)


def run_delete(w: Work, rels: list[str]) -> None:
    w.run("rels_delete", rels=rels)


def record_fields(props: dict[str, Any]) -> dict[str, Any]:
    """What a wrong-fact correction stores of the fact: its properties (as JSON) and the
    documents and evidence it is found by."""
    clean = from_entries(entries(props), props) if props.get("doc_ids") else dict(props)
    return {
        "fact": json.dumps(clean, sort_keys=True, default=str),
        "doc_ids": list(clean.get("doc_ids") or []),
        "refs": refs(clean),
    }


def restore(w: Work, c: Correction) -> bool:
    """Put a fact marked wrong back with the evidence of documents still stored. Returns
    False when one of its ends is gone (it comes back when its documents are loaded again)."""
    fact = c.fact
    docs = list(fact.get("doc_ids") or [])
    present = {r["id"] for r in run(w, "documents_present", ids=docs)}
    kept = [e for e in entries(fact) if e["doc_ids"] in present] if docs else []
    forget(w, [c.id])
    if not kept:
        return False
    props = from_entries(kept, fact)
    live = run(
        w,
        "facts_find",
        type=c.get("type"),
        source=c.get("source_id"),
        target=c.get("target_id"),
        refs=[],
    )
    if live:
        props = join(live[0]["props"], props)
    rows = run(
        w,
        "fact_restore",
        type=c.get("type"),
        source=c.get("source_id"),
        target=c.get("target_id"),
        props=props,
    )
    derive_facts(w, [r["rel"] for r in rows])
    sync_met(w, (), [str(c.get("target_id"))])
    return bool(rows)


# --- merges ------------------------------------------------------------------------------


def after_merge(w: Work, drop_id: str, keep_id: str) -> None:
    """A manual merge: corrections naming the dropped node now name the kept one, and a split
    between the two is forgotten (merging them back is how a split is undone), and so is a
    removal of the dropped node (the merged whole is what the user keeps)."""
    from graph.corrections.removal import after_merge as removal_after_merge

    for c in touching(w, [drop_id]):
        if removal_after_merge(w, c, drop_id):
            continue
        if c.kind == "split" and {c.get("from_id"), c.get("new_id")} == {drop_id, keep_id}:
            forget(w, [c.id])
            continue
        fields = ("entity_id", "from_id", "new_id", "source_id", "target_id")
        moved = {f: keep_id for f in fields if c.get(f) == drop_id}
        if moved:
            save(w, c.id, {**c.props, **moved})
