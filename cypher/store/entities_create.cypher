// Create entity nodes that resolution found no match for. Their derived properties
// (name, aliases, norm_names, first_seen, ...) are set by entity_set once mentions exist.
UNWIND $rows AS row
MERGE (e:Entity {id: row.id})
ON CREATE SET e:$(row.label), e.name = row.name, e.type = row.type
