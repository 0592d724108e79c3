// The whole graph for the views: every entity and meeting, and the fact relationships
// between them. Documents and quotes stay out; their words reach the view as evidence.
// Rows: source (node map), rel (map or null), target (node map or null).
// $max_rows bounds each half of the read.
CALL () {
  MATCH (n)
  WHERE (n:Entity OR n:Event) AND NOT n:Removed
  RETURN n AS a, null AS r, null AS b
  ORDER BY n.id
  LIMIT $max_rows
  UNION ALL
  MATCH (a)-[r:HOSTED|ATTENDED|REPRESENTS|PART_OF|OPERATES|BRIEFED|REQUESTED|AGREED_WITH]->(b)
  WHERE (a:Entity OR a:Event) AND (b:Entity OR b:Event) AND NOT a:Removed AND NOT b:Removed
  RETURN a, r, b
  ORDER BY a.id, type(r), b.id
  LIMIT $max_rows
}
RETURN
  a {.*, date: toString(a.date), labels: labels(a)} AS source,
  CASE WHEN r IS NULL THEN null ELSE r {.*, type: type(r)} END AS rel,
  CASE WHEN b IS NULL THEN null ELSE b {.*, date: toString(b.date), labels: labels(b)} END AS target
