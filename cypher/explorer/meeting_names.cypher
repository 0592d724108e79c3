// The named-event entities that name meeting $id (a summit that is also an entity): the
// meeting's page links them, and their pages list it (entity_meetings).
MATCH (ev:Event {id: $id})<-[rp:REPORTS]-(:Document)-[m:MENTIONS]->(en:EventName)
WHERE NOT en:Removed AND rp.name IN coalesce(m.names, []) + [m.name]
RETURN DISTINCT en.id AS id, en.name AS name, en.type AS type
ORDER BY name, id
