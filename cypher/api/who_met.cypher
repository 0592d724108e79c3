// The held events that both $a and $b hosted or attended (non-implied), in date order.
// Cost (cypher/README.md, "Reading at a million relationships"): the events are expanded
// from whichever of the two has fewer HOSTED/ATTENDED relationships (a degree read, no
// scan), and the other side is checked from each event (a few participants each).
MATCH (a:Entity {id: $a}), (b:Entity {id: $b})
WHERE NOT a:Removed AND NOT b:Removed
WITH a, b, COUNT { (a)-[:HOSTED|ATTENDED]->() } <= COUNT { (b)-[:HOSTED|ATTENDED]->() } AS a_smaller
CALL (a, b, a_smaller) {
  WITH a, b WHERE a_smaller
  MATCH (a)-[r1:HOSTED|ATTENDED]->(ev:Event)
  RETURN ev, r1
  UNION
  WITH a, b WHERE NOT a_smaller
  MATCH (b)-[:HOSTED|ATTENDED]->(ev:Event)
  WITH DISTINCT a, ev
  MATCH (a)-[r1:HOSTED|ATTENDED]->(ev)
  RETURN ev, r1
}
WITH a, b, ev, r1
WHERE ev.status = 'held' AND NOT coalesce(r1.implied, false)
MATCH (ev)<-[r2:HOSTED|ATTENDED]-(b)
WHERE NOT coalesce(r2.implied, false)
RETURN ev {.*} AS event, type(r1) AS a_type, properties(r1) AS a_rel,
       type(r2) AS b_type, properties(r2) AS b_rel,
       COLLECT { MATCH (d:Document)-[rp:REPORTS]->(ev) RETURN rp {.*, doc_id: d.id} } AS reports
ORDER BY ev.date, ev.year, ev.month, ev.day, ev.id
