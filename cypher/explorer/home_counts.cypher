// How many entities, meetings and documents the graph holds (read from the count store).
// Entities removed by hand (:Removed, on entities only) are not counted; both counts come from
// the count store, so no entity is read.
CALL () { MATCH (e:Entity) RETURN count(e) AS all_entities }
CALL () { MATCH (r:Removed) RETURN count(r) AS removed }
CALL () { MATCH (ev:Event) RETURN count(ev) AS events }
CALL () { MATCH (d:Document) RETURN count(d) AS documents }
RETURN all_entities - removed AS entities, events, documents
