// Point an entity's resolution keys at it: add the missing ones, unlink the ones it lost.
UNWIND $rows AS row
MATCH (e:Entity {id: row.id})
CALL (e, row) {
  MATCH (k:NameKey)-[r:KEY_OF]->(e)
  WHERE NOT k.key IN row.keys
  DELETE r
}
CALL (e, row) {
  UNWIND row.keys AS key
  MERGE (k:NameKey {key: key})
  MERGE (k)-[:KEY_OF]->(e)
}
