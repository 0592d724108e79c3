// The meetings of $id with each counterpart of one page of entity_met_summary, in date order,
// with both roles and the evidence of each side. $pages: {other, meetings}, the meetings being
// the first ones of the pair's MET ('day|event id', in /met's order) that entity_met_summary
// returned, so only the page's events are read (by id), not the entity's events nor a busy
// pair's MET again. Rows are (meeting, role of each side); an entity that both hosted and
// attended one meeting gives two rows, cut to $per_counterpart like the others.
MATCH (e:Entity {id: $id})
UNWIND $pages AS page
MATCH (o:Entity {id: page.other})
UNWIND range(0, size(page.meetings) - 1) AS i
MATCH (ev:Event {id: substring(page.meetings[i], 11)})
MATCH (e)-[r1:HOSTED|ATTENDED]->(ev)<-[r2:HOSTED|ATTENDED]-(o)
WHERE NOT coalesce(r1.implied, false) AND NOT coalesce(r2.implied, false)
WITH page.other AS other, i, ev, r1, r2
ORDER BY other, i, type(r1), type(r2)
WITH other, collect({ev: ev, r1: r1, r2: r2})[..$per_counterpart] AS kept
UNWIND kept AS k
WITH other, k.ev AS ev, k.r1 AS r1, k.r2 AS r2
WITH other, collect({event: properties(ev), own_type: type(r1), own: properties(r1),
                     their_type: type(r2), their: properties(r2),
                     reports: COLLECT { MATCH (d:Document)-[rp:REPORTS]->(ev) RETURN rp {.*, doc_id: d.id} }
                    }) AS meetings
RETURN other, meetings
