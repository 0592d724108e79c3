// Benchmark graph: events and the document that reports each (with its sentence).
UNWIND $rows AS row
MERGE (ev:Event {id: row.props.id})
SET ev += row.props
WITH ev, row
MATCH (d:Document {id: row.doc_id})
MERGE (d)-[rp:REPORTS]->(ev)
SET rp += row.report
