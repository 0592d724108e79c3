// How many entities, meetings and documents the graph holds (read from the count store).
CALL () { MATCH (e:Entity) RETURN count(e) AS entities }
CALL () { MATCH (ev:Event) RETURN count(ev) AS events }
CALL () { MATCH (d:Document) RETURN count(d) AS documents }
RETURN entities, events, documents
