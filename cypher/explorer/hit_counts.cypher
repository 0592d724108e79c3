// For the entities $ids of a result list: how many events and documents each has.
UNWIND $ids AS id
MATCH (e:Entity {id: id})
RETURN e.id AS id,
       COUNT { (e)-[:HOSTED|ATTENDED]->(:Event) } AS events,
       COUNT { (:Document)-[:MENTIONS]->(e) } AS documents
