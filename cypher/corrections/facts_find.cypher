// Live facts of one type from one entity: to $target, or to whatever node now holds the
// evidence recorded as $refs ('doc_id:start'; a meeting's id changes when its reports regroup).
MATCH (a:Entity {id: $source})-[r]->(b)
WHERE type(r) = $type
  AND (b.id = $target
    OR any(i IN range(0, size(coalesce(r.doc_ids, [])) - 1)
           WHERE r.doc_ids[i] + ':' + toString(r.starts[i]) IN $refs))
RETURN elementId(r) AS rel, b.id AS target, coalesce(b.name, b.text, b.description, b.kind) AS
  target_name, a.name AS source_name, properties(r) AS props
