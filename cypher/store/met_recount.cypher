// MET summary: every meeting of each pair ($pairs: a, b), recounted from the facts: held events
// both hosted or attended (not implied), as [earliest day, event id]. Expanded from the side
// with fewer HOSTED/ATTENDED relationships (a degree read), the other side checked per event.
// Run only when a removal took away a pair's first or last meeting (or its summary is missing).
UNWIND $pairs AS p
MATCH (a:Entity {id: p.a}), (b:Entity {id: p.b})
WITH p, a, b,
  COUNT { (a)-[:HOSTED|ATTENDED]->() } <= COUNT { (b)-[:HOSTED|ATTENDED]->() } AS a_smaller
WITH p, CASE WHEN a_smaller THEN a ELSE b END AS small, CASE WHEN a_smaller THEN b ELSE a END AS big
RETURN p.a AS a, p.b AS b, COLLECT {
  MATCH (small)-[r1:HOSTED|ATTENDED]->(ev:Event {status: 'held'})
  WHERE NOT coalesce(r1.implied, false)
  WITH DISTINCT big, ev
  WHERE EXISTS { (ev)<-[r2:HOSTED|ATTENDED]-(big) WHERE NOT coalesce(r2.implied, false) }
  RETURN [coalesce(ev.date, CASE WHEN ev.year IS NOT NULL
    THEN date({year: ev.year, month: coalesce(ev.month, 1), day: coalesce(ev.day, 1)}) END),
    ev.id] AS key
} AS keys
