// Benchmark graph: entities with the store's properties and the label of their type.
UNWIND $rows AS row
MERGE (e:Entity {id: row.id})
SET e += row.props
WITH e, row
SET e:$(row.label)
