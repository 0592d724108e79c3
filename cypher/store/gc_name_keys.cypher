// Delete resolution keys that no longer name any entity.
UNWIND $keys AS key
MATCH (k:NameKey {key: key})
WHERE NOT EXISTS { (k)-[:KEY_OF]->() }
DELETE k
