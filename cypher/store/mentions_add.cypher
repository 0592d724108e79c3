// The document's mention of each entity: the surface forms it uses, and the type and country
// it gives. Entities that resolution found no match for are created here (id, label, first
// name); their derived properties (name, aliases, norm_names, ...) are set by entity_set.
// Each row names its document, so one statement writes the mentions of a group of documents.
UNWIND $rows AS row
MATCH (d:Document {id: row.doc_id})
MERGE (e:Entity {id: row.id})
ON CREATE SET e:$(row.label), e.name = row.name, e.type = row.type
MERGE (d)-[m:MENTIONS]->(e)
SET m.names = row.names, m.name = row.name, m.type = row.type, m.country = row.country
