// Ids one hop away from $ids that are not in $seen, best connected first, at most $limit:
// a capped view of a busy entity reads what it can draw, not its whole neighbourhood.
UNWIND $ids AS id
CALL (id) {
  MATCH (n:Entity {id: id}) WHERE NOT n:Removed RETURN n
  UNION
  MATCH (n:Event {id: id}) RETURN n
}
MATCH (n)-[:HOSTED|ATTENDED|REPRESENTS|PART_OF|OPERATES|BRIEFED|REQUESTED|AGREED_WITH]-(m)
WHERE (m:Entity OR m:Event) AND NOT m:Removed AND NOT m.id IN $seen
WITH DISTINCT m
RETURN m.id AS id,
  COUNT { (m)-[:HOSTED|ATTENDED|REPRESENTS|PART_OF|OPERATES|BRIEFED|REQUESTED|AGREED_WITH]-() }
    AS degree
ORDER BY degree DESC, id
LIMIT $limit
