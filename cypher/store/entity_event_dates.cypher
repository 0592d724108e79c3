// The days of the dated meetings the given entities hosted or attended: their reports are
// re-grouped after the entities were merged or split (participants changed).
UNWIND $ids AS id
MATCH (:Entity {id: id})-[:HOSTED|ATTENDED]->(ev:Event)<-[rp:REPORTS]-(:Document)
WHERE rp.date IS NOT NULL
RETURN DISTINCT rp.date AS date
