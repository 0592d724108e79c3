// Delete the given events that no document reports any more.
UNWIND $ids AS id
MATCH (ev:Event {id: id})
WHERE NOT EXISTS { (:Document)-[:REPORTS]->(ev) }
DETACH DELETE ev
RETURN id
