// Set the names a document uses for an entity (a split alias taken out of them).
UNWIND $rows AS row
MATCH (:Document {id: row.doc_id})-[m:MENTIONS]->(:Entity {id: $id})
SET m.names = row.names, m.name = row.name
