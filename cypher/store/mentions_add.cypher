// The document's mention of each entity: the surface forms it uses, and the type and
// country it gives; the entity's own name, aliases, type and country are derived from these.
MATCH (d:Document {id: $doc_id})
UNWIND $rows AS row
MATCH (e:Entity {id: row.id})
MERGE (d)-[m:MENTIONS]->(e)
SET m.names = row.names, m.name = row.name, m.type = row.type, m.country = row.country
