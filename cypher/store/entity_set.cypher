// Write an entity's derived properties (the whole map, so dropped values disappear) and move it
// to the label of its type. Called only for entities whose derived values changed.
UNWIND $rows AS row
MATCH (e:Entity {id: row.id})
SET e = row.props
REMOVE e:$(row.drop_labels)
SET e:$(row.label)
