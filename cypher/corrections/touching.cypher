// Corrections that name one of the given nodes, or facts one of the given documents gave:
// what a load, a merge or a correction must apply again.
MATCH (c:Correction)
WHERE c.entity_id IN $ids OR c.from_id IN $ids OR c.new_id IN $ids
  OR c.source_id IN $ids OR c.target_id IN $ids
  OR any(d IN coalesce(c.doc_ids, []) WHERE d IN $docs)
RETURN properties(c) AS c
ORDER BY c.at, c.id
