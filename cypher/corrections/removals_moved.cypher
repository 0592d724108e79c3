// Removals whose entity is gone (its documents were removed) that share a resolution key with
// one of the given entities: the removed body loaded again under another id. No removal
// record, no work beyond one scan of the (few) corrections.
MATCH (c:Correction {kind: 'remove'})
WHERE NOT EXISTS { MATCH (:Entity {id: c.entity_id}) }
UNWIND $ids AS eid
MATCH (e:Entity {id: eid})
WHERE EXISTS { MATCH (k:NameKey)-[:KEY_OF]->(e) WHERE k.key IN c.keys }
RETURN properties(c) AS c, eid
ORDER BY c.at, eid
