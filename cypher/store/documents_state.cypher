// The stored version of each of $doc_ids (a read before a group load: unchanged documents are
// skipped, stored ones take the one-document path that replaces them).
UNWIND $doc_ids AS doc_id
OPTIONAL MATCH (d:Document {id: doc_id})
RETURN doc_id, d IS NOT NULL AS exists, d.content_hash AS content_hash,
  d.extractor_version AS extractor_version
