// The $limit most recent dated meetings (through the event_date index), as meeting.cypher.
MATCH (ev:Event) WHERE ev.date IS NOT NULL
WITH ev ORDER BY ev.date DESC, ev.id LIMIT $limit
RETURN {
  event: ev {.*},
  participants: [(p:Entity&!Removed)-[r:HOSTED|ATTENDED]->(ev) |
                 {entity: p {.id, .name, .type}, type: type(r), rel: properties(r)}],
  reports: [(d:Document)-[rp:REPORTS]->(ev) | rp {.*, doc_id: d.id}]
} AS item
