// Create or update the nodes of a group of documents (the caller holds their locks); each row
// holds every property of one document (absent ones are removed).
UNWIND $rows AS props
MERGE (d:Document {id: props.id})
SET d = props
