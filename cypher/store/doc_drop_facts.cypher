// Delete the facts that only this document supports (run after doc_strip_facts).
MATCH (:Document {id: $doc_id})-[:MENTIONS]->(:Entity)-[r]->()
WHERE r.doc_ids = [$doc_id]
WITH DISTINCT r
DELETE r
