// Delete the given quotes that no document prints any more.
UNWIND $ids AS id
MATCH (q:Quote {id: id})
WHERE NOT EXISTS { (q)-[:QUOTED_IN]->(:Document) }
DETACH DELETE q
RETURN id
