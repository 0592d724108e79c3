// The held events that both $a and $b hosted or attended (non-implied), in date order.
MATCH (a:Entity {id: $a})-[r1:HOSTED|ATTENDED]->(ev:Event {status: 'held'})<-[r2:HOSTED|ATTENDED]-(b:Entity {id: $b})
WHERE NOT coalesce(r1.implied, false) AND NOT coalesce(r2.implied, false)
RETURN ev {.*} AS event, type(r1) AS a_type, properties(r1) AS a_rel,
       type(r2) AS b_type, properties(r2) AS b_rel,
       COLLECT { MATCH (d:Document)-[rp:REPORTS]->(ev) RETURN rp {.*, doc_id: d.id} } AS reports
ORDER BY ev.date, ev.year, ev.month, ev.day, ev.id
