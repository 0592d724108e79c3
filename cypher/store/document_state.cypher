// What the store already holds for one document: its version, and what it mentions and reports
// (the names of each mention, to lock and re-resolve the same keys on replace or remove).
OPTIONAL MATCH (d:Document {id: $doc_id})
RETURN d IS NOT NULL AS exists,
  COUNT { (:MergeRecord) } AS merge_records,
  d.content_hash AS content_hash,
  d.extractor_version AS extractor_version,
  d.loaded_at AS loaded_at,
  COLLECT {
    MATCH (d)-[m:MENTIONS]->(e:Entity)
    RETURN {id: e.id, names: m.names, type: m.type}
  } AS mentions,
  COLLECT {
    MATCH (d)-[:REPORTS]->(ev:Event)
    RETURN {id: ev.id, date: ev.date}
  } AS events
