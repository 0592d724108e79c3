// For the entities $ids of a result list: how many events and documents each has (a named
// event counts the meetings held under its name, as on its page: entity_meetings).
UNWIND $ids AS id
MATCH (e:Entity {id: id})
RETURN e.id AS id,
       COUNT {
         MATCH (e)-[:HOSTED|ATTENDED]->(ev:Event)
         RETURN ev
         UNION
         MATCH (e:EventName)<-[m:MENTIONS]-(:Document)-[rp:REPORTS]->(ev:Event)
         WHERE rp.name IN coalesce(m.names, []) + [m.name]
         RETURN ev
       } AS events,
       COUNT { (:Document)-[:MENTIONS]->(e) } AS documents
