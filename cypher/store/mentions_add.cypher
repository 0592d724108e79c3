// The document's mention of each entity: the surface forms it uses, and the type and country
// it gives. Entities that resolution found no match for are created here (id, label, first
// name); their derived properties (name, aliases, norm_names, ...) are set by entity_set.
MATCH (d:Document {id: $doc_id})
UNWIND $rows AS row
MERGE (e:Entity {id: row.id})
ON CREATE SET e:$(row.label), e.name = row.name, e.type = row.type
MERGE (d)-[m:MENTIONS]->(e)
SET m.names = row.names, m.name = row.name, m.type = row.type, m.country = row.country
