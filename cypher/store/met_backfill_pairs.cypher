// MET summary for a graph written before it existed (graph/store/summaries.py, backfill):
// for each entity in $ids, its meetings with every entity of a larger id, as
// [earliest day, event id] per shared held event (both sides not implied).
UNWIND $ids AS id
MATCH (a:Entity {id: id})-[r1:HOSTED|ATTENDED]->(ev:Event {status: 'held'})<-[r2:HOSTED|ATTENDED]-(b:Entity)
WHERE a.id < b.id AND NOT a:Removed AND NOT b:Removed AND NOT coalesce(r1.implied, false) AND NOT coalesce(r2.implied, false)
WITH DISTINCT a, b, ev
RETURN a.id AS a, b.id AS b, collect([coalesce(ev.date, CASE WHEN ev.year IS NOT NULL
    THEN date({year: ev.year, month: coalesce(ev.month, 1), day: coalesce(ev.day, 1)}) END),
    ev.id]) AS keys
