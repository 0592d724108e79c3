// Delete a document node (its MENTIONS, REPORTS and QUOTED_IN go with it).
MATCH (d:Document {id: $doc_id})
DETACH DELETE d
