// The meetings of $id with each counterpart in $others (one page of entity_met_summary), in
// date order, at most $per_counterpart each, with both roles and the evidence of each side.
// The pair's MET lists its meetings in that order ('day|event id'), so only the page's
// meetings are read (by id), not the entity's events. Rows are (meeting, role of each side);
// an entity that both hosted and attended one meeting gives two rows, cut like the others.
MATCH (e:Entity {id: $id})
UNWIND $others AS other
MATCH (e)-[m:MET]-(o:Entity {id: other})
UNWIND range(0, size(m.meetings[..$per_counterpart]) - 1) AS i
MATCH (ev:Event {id: substring(m.meetings[i], 11)})
MATCH (e)-[r1:HOSTED|ATTENDED]->(ev)<-[r2:HOSTED|ATTENDED]-(o)
WHERE NOT coalesce(r1.implied, false) AND NOT coalesce(r2.implied, false)
WITH other, i, ev, r1, r2
ORDER BY other, i
WITH other, collect({ev: ev, r1: r1, r2: r2})[..$per_counterpart] AS kept
UNWIND kept AS k
WITH other, k.ev AS ev, k.r1 AS r1, k.r2 AS r2
WITH other, collect({event: properties(ev), own_type: type(r1), own: properties(r1),
                     their_type: type(r2), their: properties(r2),
                     reports: COLLECT { MATCH (d:Document)-[rp:REPORTS]->(ev) RETURN rp {.*, doc_id: d.id} }
                    }) AS meetings
RETURN other, meetings
