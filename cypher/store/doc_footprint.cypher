// The entities and events one document mentions or reports, by id and name.
MATCH (d:Document {id: $doc_id})
RETURN
  COLLECT { MATCH (d)-[:MENTIONS]->(e:Entity) RETURN e.id + ' ' + e.name } AS entities,
  COLLECT {
    MATCH (d)-[:REPORTS]->(ev:Event)
    RETURN ev.id + ' ' + coalesce(ev.description, ev.kind, '')
  } AS events
