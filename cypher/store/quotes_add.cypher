// Quotes and the document that prints them (with the sentence and offsets there).
MATCH (d:Document {id: $doc_id})
UNWIND $rows AS row
MERGE (q:Quote {id: row.id})
ON CREATE SET q.text = row.text, q.speaker_id = row.speaker_id
MERGE (q)-[qi:QUOTED_IN]->(d)
SET qi.sentence = row.sentence, qi.start = row.start, qi.end = row.end
