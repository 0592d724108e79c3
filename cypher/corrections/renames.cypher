// Renames of the given entities: by id, or by resolution key when the renamed node is gone
// (its documents were removed and loaded again under another id). Oldest first.
MATCH (c:Correction {kind: 'rename'})
WHERE c.entity_id IN $ids
  OR (any(k IN c.keys WHERE k IN $keys) AND NOT EXISTS { MATCH (:Entity {id: c.entity_id}) })
RETURN c.entity_id AS entity_id, c.keys AS keys, c.name AS name
ORDER BY c.at
