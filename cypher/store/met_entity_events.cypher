// MET summary: the events the given entities hosted or attended now (an entity merged or
// split changed who took part in each of them).
UNWIND $ids AS id
MATCH (:Entity {id: id})-[:HOSTED|ATTENDED]->(ev:Event)
RETURN DISTINCT ev.id AS id
