// Removals whose entity is gone (its documents were removed) that share a resolution key with
// one of the given entities: the removed body loaded again under another id. No removal
// record, no work beyond one scan of the (few) corrections. A key is compared without its
// 'n:' / 'a:' prefix: an acronym is a weak key of the spelled-out name ('a:org:nri') and the
// name key of a node called by the acronym alone ('n:org:nri'), as resolution matches them.
MATCH (c:Correction {kind: 'remove'})
WHERE NOT EXISTS { MATCH (:Entity {id: c.entity_id}) }
UNWIND $ids AS eid
MATCH (e:Entity {id: eid})
WHERE EXISTS { MATCH (k:NameKey)-[:KEY_OF]->(e)
               WHERE substring(k.key, 2) IN [x IN c.keys | substring(x, 2)] }
RETURN properties(c) AS c, eid
ORDER BY c.at, eid
