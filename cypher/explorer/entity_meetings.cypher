// The events $id hosted or attended (any status), each with all its participants and
// reports, at most $limit, oldest first (undated last); the page splits dated from undated.
// A named event (a summit as an entity) has the meetings held under its name instead: a
// document reports the meeting by a name it mentions as this entity (viz/event_names).
MATCH (e:Entity {id: $id}) WHERE NOT e:Removed
CALL (e) {
  MATCH (e)-[:HOSTED|ATTENDED]->(ev:Event)
  RETURN ev
  UNION
  MATCH (e:EventName)<-[m:MENTIONS]-(:Document)-[rp:REPORTS]->(ev:Event)
  WHERE rp.name IN coalesce(m.names, []) + [m.name]
  RETURN ev
}
WITH DISTINCT ev
ORDER BY ev.date IS NULL, ev.date, ev.year, ev.month, ev.day, ev.id
LIMIT $limit
RETURN {
  event: ev {.*},
  participants: [(p:Entity&!Removed)-[r:HOSTED|ATTENDED]->(ev) |
                 {entity: p {.id, .name, .type}, type: type(r), rel: properties(r)}],
  reports: [(d:Document)-[rp:REPORTS]->(ev) | rp {.*, doc_id: d.id}]
} AS item
