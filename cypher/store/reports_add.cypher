// The document's report of each event: its own wording of kind, date, status and place,
// and the sentence (with offsets) that states the meeting.
MATCH (d:Document {id: $doc_id})
UNWIND $rows AS row
MATCH (ev:Event {id: row.id})
MERGE (d)-[rp:REPORTS]->(ev)
SET rp = row.report
