// Events on given dates, with everyone who hosted or attended them: a dated meeting
// reported again resolves to one of these when the participants overlap.
UNWIND $dates AS day
MATCH (ev:Event {date: day})
RETURN ev.id AS id, ev.date AS date,
  COLLECT { MATCH (p:Entity)-[:HOSTED|ATTENDED]->(ev) RETURN DISTINCT p.id } AS participants
