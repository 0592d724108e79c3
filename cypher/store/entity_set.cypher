// Write what changed about entities: the derived properties that changed (row.props holds only
// those; a null value removes a property the entity no longer has, see changed_props in
// graph/store/transaction.py) and the label of the type, and/or the resolution keys (:NameKey)
// that name them.
UNWIND $rows AS row
MATCH (e:Entity {id: row.id})
CALL (e, row) {
  WITH e, row WHERE row.props IS NOT NULL
  SET e += row.props
  REMOVE e:$(row.drop_labels)
  SET e:$(row.label)
}
CALL (e, row) {
  WITH e, row WHERE row.keys IS NOT NULL
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
}
