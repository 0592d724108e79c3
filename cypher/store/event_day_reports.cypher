// Every report of a meeting on the given days, with who its document says hosted or attended
// it: the input of event clustering (graph/store/transaction.py, place_events). Uses the index on
// REPORTS.date.
UNWIND $dates AS day
MATCH (d:Document)-[rp:REPORTS]->(ev:Event)
WHERE rp.date = day
RETURN d.id AS doc_id, rp.meeting_key AS meeting_key, rp.date AS date, ev.id AS event,
  COLLECT {
    MATCH (p:Entity)-[r:HOSTED|ATTENDED]->(ev)
    WHERE d.id IN r.doc_ids
    RETURN DISTINCT p.id
  } AS participants
ORDER BY doc_id, event
