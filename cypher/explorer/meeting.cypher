// One event by id: its properties, everyone who hosted or attended it, every report of it.
MATCH (ev:Event {id: $id})
RETURN {
  event: ev {.*},
  participants: [(p:Entity&!Removed)-[r:HOSTED|ATTENDED]->(ev) |
                 {entity: p {.id, .name, .type}, type: type(r), rel: properties(r)}],
  reports: [(d:Document)-[rp:REPORTS]->(ev) | rp {.*, doc_id: d.id}]
} AS item
