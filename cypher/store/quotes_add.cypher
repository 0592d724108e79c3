// Quotes, the document that prints them (sentence and offsets there), and who said them:
// SAID keeps one provenance entry per document (parallel lists sorted by doc_id). Each row
// names its document; a group's documents never share a quote (their speakers differ).
UNWIND $rows AS row
MATCH (d:Document {id: row.doc_id})
MATCH (s:Entity {id: row.speaker_id})
MERGE (q:Quote {id: row.id})
ON CREATE SET q.text = row.text, q.speaker_id = row.speaker_id
MERGE (q)-[qi:QUOTED_IN]->(d)
SET qi.sentence = row.sentence, qi.start = row.start, qi.end = row.end
MERGE (s)-[r:SAID]->(q)
WITH r, row, coalesce(r.doc_ids, []) AS docs
WHERE NOT row.doc_id IN docs
WITH r, row, docs, size([x IN docs WHERE x < row.doc_id]) AS i
SET r.doc_ids = docs[..i] + [row.doc_id] + docs[i..],
    r.sentences = coalesce(r.sentences, [])[..i] + [row.sentence] + coalesce(r.sentences, [])[i..],
    r.starts = coalesce(r.starts, [])[..i] + [row.start] + coalesce(r.starts, [])[i..],
    r.ends = coalesce(r.ends, [])[..i] + [row.end] + coalesce(r.ends, [])[i..]
