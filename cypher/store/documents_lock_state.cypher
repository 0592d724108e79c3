// A group load (several new documents in one transaction): lock their ids (:WriteLock, sorted
// by the caller, see lock_keys), then say which of them the store holds already (those take
// the one-document path) and whether any manual merge exists (then all of them do).
CALL () {
  UNWIND $locks AS key
  MERGE (:WriteLock {key: key})
}
WITH COUNT { (:MergeRecord) } AS merge_records
UNWIND $doc_ids AS doc_id
OPTIONAL MATCH (d:Document {id: doc_id})
RETURN doc_id, d IS NOT NULL AS exists, merge_records
