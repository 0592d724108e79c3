// Which of the given document ids are stored.
UNWIND $ids AS did
MATCH (d:Document {id: did})
RETURN d.id AS id
