"""Which new documents of one group may name the same stored entity (pure, no database).

Most articles name one of a few busy bodies (a ministry, a regulator). If two documents that
name one stored node could never share a transaction, a group would hold ~10 documents
whatever its size. A later document may join a group whose earlier documents name a node it
also reaches when a load in input order would resolve it the same way after theirs as
before them, which is what the group's single read sees:

* the earlier documents leave what resolution reads of that node as it was: its keys (their
  mention adds no form to the node, so the keys derived from its forms stay), its type and
  its country (a vote for the type and country it already has keeps them; ``steady``);
* the later document's mention reaches that node alone, so the mention counts the earlier
  documents add (which rank several candidates, ``resolve.choose``) do not matter;
* it probes no key an earlier document registers (a new node's keys, or a changed node's);
* no two of their rows write one relationship (a list read and rewritten twice in one
  UNWIND would lose an entry).

New nodes are never shared: a second document naming a body the group creates waits for a
later group, as before. ``Ledger`` keeps what the kept documents did; ``admits`` is asked
before each next one, in input order.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from graph.model import EntityType
from graph.store.resolve import name_keys

Rel = tuple[str, str, str]  # (type, source id, target id) of a fact or SAID relationship


def steady(mention: Mapping[str, Any], node: Mapping[str, Any] | None) -> bool:
    """True when adding ``mention`` (a ``mentions_add`` row: names, name, type, country) to
    the stored ``node`` (an ``entity_candidates`` row with its ``forms``) changes nothing
    resolution reads of the node: no new form, its type, and its country or none. A node
    without stored forms (written before the counts existed) is never steady."""
    if node is None or node.get("forms") is None:
        return False
    forms = set(node["forms"])
    if mention["name"] not in forms or not set(mention["names"]) <= forms:
        return False
    if mention["type"] != node["type"]:
        return False
    return not mention["country"] or mention["country"] == node["country"]


def keys_after(mention: Mapping[str, Any], node: Mapping[str, Any] | None) -> set[str]:
    """Every key the stored ``node`` may hold once ``mention`` is added: those of its forms
    and the mention's, under its type or the mention's (one vote can make either win).
    ``None`` stands for a node whose forms are unknown."""
    forms = set(node["forms"] or []) if node is not None else set()
    forms |= {mention["name"], *mention["names"]}
    types = {EntityType(mention["type"])}
    if node is not None and node.get("type"):
        types.add(EntityType(node["type"]))
    out: set[str] = set()
    for t in types:
        out |= name_keys(sorted(forms), t).own
    return out


@dataclass(frozen=True)
class Reach:
    """One entity of a document as the group resolved it."""

    node: str  # the node it takes (stored, reused or new)
    new: bool  # a node this load creates, or an id it re-uses without a key reaching it
    wanted: str  # the id it would want as a new node (entity_id of its name and type)
    reached: frozenset[str]  # stored nodes its keys reached (candidates and rivals)
    probe: frozenset[str]  # keys its resolution looked up (probe and rival keys)


@dataclass(frozen=True)
class Member:
    """What a document of a group reads and writes, for ``Ledger``."""

    reaches: Sequence[Reach]
    mentions: Sequence[Mapping[str, Any]]  # its mentions_add rows (one per node)
    own: frozenset[str]  # every key its mentions register
    own_of: Mapping[str, frozenset[str]]  # node -> keys its mentions of it register
    rival_keys: frozenset[str]  # rival keys of mentions that found a bare-acronym node
    rels: frozenset[Rel]  # relationships its facts and quotes write


@dataclass
class Ledger:
    """What the documents kept in a group so far did to the graph the group read."""

    stored: Mapping[str, Mapping[str, Any]]  # node id -> its entity_candidates row
    fresh: set[str] = field(default_factory=set)  # nodes created or re-used by id
    wanted: set[str] = field(default_factory=set)  # ids those new nodes wanted
    shared: set[str] = field(default_factory=set)  # stored nodes named, left as they were
    changed: set[str] = field(default_factory=set)  # stored nodes whose keys/type/country may move
    new_keys: set[str] = field(default_factory=set)  # keys that may now reach another node
    owned: set[str] = field(default_factory=set)  # every key the kept documents register
    rels: set[Rel] = field(default_factory=set)
    blind: bool = False  # a changed node's keys could not be known: share nothing more
    # What the documents sent to a later group touch: a document after them that touches it
    # too waits as well, so that two documents that do not commute keep their input order.
    held_nodes: set[str] = field(default_factory=set)
    held_keys: set[str] = field(default_factory=set)
    held_rels: set[Rel] = field(default_factory=set)

    def admits(self, m: Member) -> bool:
        """Whether ``m`` resolves and writes after the kept documents as the group read."""
        if self.blind or self._held(m):
            return False
        touched = self.fresh | self.wanted | self.shared | self.changed
        for r in m.reaches:
            if r.new and {r.node, r.wanted} & touched:
                return False
            if r.reached & (self.changed | self.fresh | self.wanted):
                return False
            if r.reached & self.shared and len(r.reached) > 1:
                return False
            if r.probe & self.new_keys:
                return False
        if m.rival_keys & self.owned:
            return False
        return not (m.rels & self.rels)

    def hold(self, m: Member) -> None:
        """``m`` waits for a later group: so does every later document it does not commute with."""
        for r in m.reaches:
            self.held_nodes |= r.reached | {r.node, r.wanted}
            self.held_keys |= r.probe
        self.held_keys |= m.own
        self.held_rels |= m.rels

    def _held(self, m: Member) -> bool:
        if m.rels & self.held_rels or (m.own & self.held_keys):
            return True
        return any(
            (r.reached | {r.node, r.wanted}) & self.held_nodes or r.probe & self.held_keys
            for r in m.reaches
        )

    def keep(self, m: Member) -> None:
        new = {r.node for r in m.reaches if r.new}
        self.fresh |= new
        self.wanted |= {r.wanted for r in m.reaches if r.new}
        for row in m.mentions:
            node = row["id"]
            if node in new:
                self.new_keys |= m.own_of.get(node, frozenset())
                continue
            stored = self.stored.get(node)
            if node not in self.changed and steady(row, stored):
                self.shared.add(node)
                continue
            self.shared.discard(node)
            self.changed.add(node)
            if stored is None or stored.get("forms") is None:
                self.blind = True
            self.new_keys |= keys_after(row, stored) | m.own_of.get(node, frozenset())
        self.owned |= m.own
        self.rels |= m.rels


def stored_nodes(found: Mapping[str, Iterable[Mapping[str, Any]]]) -> dict[str, Mapping[str, Any]]:
    """The ``entity_candidates`` rows by node id (one node comes back once per key)."""
    out: dict[str, Mapping[str, Any]] = {}
    for rows in found.values():
        for row in rows:
            out.setdefault(row["id"], row)
    return out
