// The held events that both $a and $b hosted or attended (non-implied), in date order.
// Read from the pair's MET summary (graph/store/summaries.py): its `meetings` name the shared
// events, so a pair that never met costs one degree-sized check of MET and nothing else, and
// a pair that met reads only its own meetings (by id), whatever either side's degree.
// `documents`: the documents each row's evidence cites, so the answer needs no further
// round trip for them.
MATCH (a:Entity {id: $a})-[m:MET]-(b:Entity {id: $b})
WHERE NOT a:Removed AND NOT b:Removed
UNWIND m.meetings AS key
MATCH (ev:Event {id: substring(key, 11)})
MATCH (a)-[r1:HOSTED|ATTENDED]->(ev)<-[r2:HOSTED|ATTENDED]-(b)
WHERE NOT coalesce(r1.implied, false) AND NOT coalesce(r2.implied, false)
WITH ev, r1, r2,
     COLLECT { MATCH (d:Document)-[rp:REPORTS]->(ev) RETURN rp {.*, doc_id: d.id} } AS reports
RETURN ev {.*} AS event, type(r1) AS a_type, properties(r1) AS a_rel,
       type(r2) AS b_type, properties(r2) AS b_rel, reports,
       COLLECT { MATCH (d:Document)
                 WHERE d.id IN coalesce(r1.doc_ids, []) + coalesce(r2.doc_ids, [])
                               + [rp IN reports | rp.doc_id]
                 RETURN d {.id, .title, .published, .source, .url} } AS documents
ORDER BY ev.date, ev.year, ev.month, ev.day, ev.id
