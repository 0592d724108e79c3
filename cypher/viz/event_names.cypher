// The meetings each named-event entity in $ids names: a document reports the meeting under a
// name it also mentions as that entity ("the Veltria-Ostland Summit" is both). The views draw
// the two as one node (viz.build.fold_event_names). Read per document, so an entity renamed or
// merged later still finds its meetings by the names each document used.
UNWIND $ids AS id
MATCH (en:Entity {id: id})
WHERE en:EventName AND NOT en:Removed
MATCH (en)<-[m:MENTIONS]-(:Document)-[rp:REPORTS]->(ev:Event)
WHERE rp.name IN coalesce(m.names, []) + [m.name]
RETURN en.id AS entity, collect(DISTINCT ev.id) AS events
