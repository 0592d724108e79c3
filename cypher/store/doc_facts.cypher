// One document's facts as (type, source, target, the values this document gives), to report
// what a corrected version changed.
MATCH (:Document {id: $doc_id})-[:MENTIONS]->(a:Entity)-[r]->(b)
WHERE $doc_id IN coalesce(r.doc_ids, [])
WITH a, r, b, [i IN range(0, size(r.doc_ids) - 1) WHERE r.doc_ids[i] = $doc_id][0] AS i
RETURN type(r) AS type, a.id AS source, a.name AS source_name, b.id AS target,
  coalesce(b.name, b.description, b.kind, b.text) AS target_name,
  toString(b.date) AS target_date,
  [v IN [r.roles[i], r.implied_flags[i], r.titles[i], r.current_flags[i], r.details[i]]
   WHERE v IS NOT NULL | toString(v)] AS values
