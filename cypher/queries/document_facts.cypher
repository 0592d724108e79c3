// Everything one document contributed: each fact it supports, with its own sentence and offsets.
// Run in Neo4j Browser (http://127.0.0.1:7474/browser/):
//   :param doc_id => '<a document id, see: MATCH (d:Document) RETURN d.id, d.title>'
// then run this query.
MATCH (:Document {id: $doc_id})-[:MENTIONS]->(a:Entity&!Removed)-[r]->(b)
WHERE NOT b:Removed AND $doc_id IN coalesce(r.doc_ids, [])
WITH a, r, b, [i IN range(0, size(r.doc_ids) - 1) WHERE r.doc_ids[i] = $doc_id][0] AS i
RETURN a.name AS source,
       type(r) AS fact,
       coalesce(b.name, b.kind, b.text) AS target,
       r.sentences[i] AS sentence,
       r.starts[i] AS start,
       r.ends[i] AS end,
       size(r.doc_ids) AS sources
ORDER BY start, fact
