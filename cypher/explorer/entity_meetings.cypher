// The events $id hosted or attended (any status), each with all its participants and
// reports, at most $limit, oldest first (undated last); the page splits dated from undated.
MATCH (e:Entity {id: $id})-[:HOSTED|ATTENDED]->(ev:Event)
WITH DISTINCT ev
ORDER BY ev.date IS NULL, ev.date, ev.year, ev.month, ev.day, ev.id
LIMIT $limit
RETURN {
  event: ev {.*},
  participants: [(p:Entity)-[r:HOSTED|ATTENDED]->(ev) |
                 {entity: p {.id, .name, .type}, type: type(r), rel: properties(r)}],
  reports: [(d:Document)-[rp:REPORTS]->(ev) | rp {.*, doc_id: d.id}]
} AS item
