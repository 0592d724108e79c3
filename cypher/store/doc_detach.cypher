// Drop a document's mentions, reports and quotes; returns what they pointed at, which may now
// be left without support (see the gc_* statements).
MATCH (d:Document {id: $doc_id})
CALL (d) {
  OPTIONAL MATCH (d)-[m:MENTIONS]->(e:Entity)
  DELETE m
  RETURN collect(DISTINCT e.id) AS entities
}
CALL (d) {
  OPTIONAL MATCH (d)-[rp:REPORTS]->(ev:Event)
  DELETE rp
  RETURN collect(DISTINCT ev.id) AS events
}
CALL (d) {
  OPTIONAL MATCH (q:Quote)-[qi:QUOTED_IN]->(d)
  DELETE qi
  RETURN collect(DISTINCT q.id) AS quotes
}
RETURN entities, events, quotes
