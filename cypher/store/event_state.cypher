// An event's properties and the reports they are derived from, after locking the node.
UNWIND $ids AS id
MATCH (ev:Event {id: id})
SET ev._lock = true
REMOVE ev._lock
RETURN ev.id AS id, properties(ev) AS props,
  COLLECT {
    MATCH (d:Document)-[rp:REPORTS]->(ev)
    RETURN rp {.*, doc_id: d.id} AS report ORDER BY d.id
  } AS reports
