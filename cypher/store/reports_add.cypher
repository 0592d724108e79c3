// The document's report of each event (created here when new): its own wording of kind, date,
// status and place, and the sentence (with offsets) that states the meeting. The event's own
// properties are derived from its reports by event_set. Each row names its document (a group
// of documents is one statement).
UNWIND $rows AS row
MATCH (d:Document {id: row.doc_id})
MERGE (ev:Event {id: row.id})
ON CREATE SET ev.kind = row.report.kind
MERGE (d)-[rp:REPORTS]->(ev)
SET rp = row.report
