// Delete the given entities that no document mentions any more (with whatever still hangs on
// them); returns their resolution keys, which may now name nothing (see gc_name_keys).
UNWIND $ids AS id
MATCH (e:Entity {id: id})
WHERE NOT EXISTS { (:Document)-[:MENTIONS]->(e) }
WITH e, id, COLLECT { MATCH (k:NameKey)-[:KEY_OF]->(e) RETURN k.key } AS keys
DETACH DELETE e
RETURN id, keys
