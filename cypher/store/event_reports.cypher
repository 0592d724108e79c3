// Each event's reports and, per reporting document, who that document says hosted or attended
// it: the input of an event split check after a document is removed.
UNWIND $ids AS id
MATCH (ev:Event {id: id})
RETURN ev.id AS id, ev.date AS date,
  COLLECT {
    MATCH (d:Document)-[rp:REPORTS]->(ev)
    RETURN {doc_id: d.id, meeting_key: rp.meeting_key}
  } AS reports,
  COLLECT {
    MATCH (p:Entity)-[r:HOSTED|ATTENDED]->(ev)
    UNWIND r.doc_ids AS doc
    RETURN {doc_id: doc, entity: p.id}
  } AS parts
