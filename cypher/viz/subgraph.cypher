// The nodes named by $ids and the relationships among them (rows as in whole_graph).
CALL () {
  UNWIND $ids AS id
  CALL (id) {
    MATCH (n:Entity {id: id}) WHERE NOT n:Removed RETURN n
    UNION
    MATCH (n:Event {id: id}) RETURN n
  }
  RETURN n AS a, null AS r, null AS b
  UNION ALL
  UNWIND $ids AS id
  CALL (id) {
    MATCH (n:Entity {id: id}) WHERE NOT n:Removed RETURN n
    UNION
    MATCH (n:Event {id: id}) RETURN n
  }
  MATCH (n)-[r:HOSTED|ATTENDED|REPRESENTS|PART_OF|OPERATES|BRIEFED|REQUESTED|AGREED_WITH]->(b)
  WHERE (b:Entity OR b:Event) AND b.id IN $ids
  RETURN n AS a, r, b
}
RETURN
  a {.*, date: toString(a.date), labels: labels(a)} AS source,
  CASE WHEN r IS NULL THEN null ELSE r {.*, type: type(r)} END AS rel,
  CASE WHEN b IS NULL THEN null ELSE b {.*, date: toString(b.date), labels: labels(b)} END AS target
