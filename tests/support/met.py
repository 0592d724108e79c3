"""The MET summary's invariant: what the store kept equals a recount from the facts."""

from __future__ import annotations

from typing import Any

from neo4j import Driver

from graph.store.summaries import meeting_key, summary

# Every pair that met, recounted from the facts (the definition of "met", read in full; an
# entity removed by hand, :Removed, met no one).
RECOUNT = """
MATCH (a:Entity&!Removed)-[r1:HOSTED|ATTENDED]->(ev:Event {status: 'held'})
      <-[r2:HOSTED|ATTENDED]-(b:Entity&!Removed)
WHERE a.id < b.id AND NOT coalesce(r1.implied, false) AND NOT coalesce(r2.implied, false)
WITH DISTINCT a, b, ev
RETURN a.id AS a, b.id AS b, collect([coalesce(ev.date, CASE WHEN ev.year IS NOT NULL
  THEN date({year: ev.year, month: coalesce(ev.month, 1), day: coalesce(ev.day, 1)}) END),
  ev.id]) AS keys
"""
KEPT = "MATCH (a)-[m:MET]->(b) RETURN a.id AS a, b.id AS b, properties(m) AS props"
TALLIES = """
MATCH (ev:Event {status: 'held'})
WITH ev, COLLECT { MATCH (ev)<-[r:HOSTED|ATTENDED]-(o:Entity&!Removed)
                   WHERE NOT coalesce(r.implied, false)
                   RETURN DISTINCT o.id AS id ORDER BY id } AS ids
WHERE size(ids) >= 2
RETURN ev.id AS event, ids
"""
KEPT_TALLIES = "MATCH (t:MetTally) WHERE t.event <> '' RETURN t.event AS event, t.ids AS ids"


def _native(props: dict[str, Any] | None) -> dict[str, Any] | None:
    if props is None:
        return None
    return {k: v.to_native() if hasattr(v, "to_native") else v for k, v in props.items()}


def met_problems(driver: Driver, database: str = "neo4j") -> list[str]:
    """How the kept MET relationships and tallies differ from a recount (empty: they agree)."""
    with driver.session(database=database) as session:
        want = {
            (r["a"], r["b"]): summary(
                meeting_key(d.to_native() if d is not None else None, i) for d, i in r["keys"]
            )
            for r in session.run(RECOUNT)
        }
        kept_rows = [(r["a"], r["b"], _native(r["props"])) for r in session.run(KEPT)]
        tallies = {r["event"]: r["ids"] for r in session.run(TALLIES)}
        kept_tallies = {r["event"]: r["ids"] for r in session.run(KEPT_TALLIES)}
    # Neo4j keeps no null properties: an undated pair's MET has no first_date/last_date.
    want = {p: {k: v for k, v in s.items() if v is not None} if s else s for p, s in want.items()}
    problems: list[str] = []
    kept: dict[tuple[str, str], dict[str, Any] | None] = {}
    for a, b, props in kept_rows:
        if (a, b) in kept:
            problems.append(f"two MET between {a} and {b}")
        if a >= b:
            problems.append(f"MET from {a} to {b} runs the wrong way")
        kept[(a, b)] = props
    for pair in sorted(set(want) | set(kept)):
        if want.get(pair) != kept.get(pair):
            problems.append(f"{pair}: kept {kept.get(pair)}, recount {want.get(pair)}")
    if tallies != kept_tallies:
        problems.append(f"tallies {kept_tallies} != participants {tallies}")
    return problems
