// Lock a document id (a :WriteLock, see lock_keys), then read what the store holds for it:
// its version, and the names of what it mentions and the dates of its reports (to lock
// and re-resolve the same keys on replace or remove). The MERGE completes, waiting for any
// other writer of this document, before the MATCH reads.
MERGE (:WriteLock {key: $lock})
WITH 1 AS locked
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
    MATCH (d)-[rp:REPORTS]->(ev:Event)
    RETURN {id: ev.id, date: rp.date}
  } AS events
