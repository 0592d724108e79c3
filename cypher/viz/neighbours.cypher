// Ids one hop away from $ids, over the same relationships the views draw.
// Used hop by hop to collect an ego network.
UNWIND $ids AS id
CALL (id) {
  MATCH (n:Entity {id: id}) WHERE NOT n:Removed RETURN n
  UNION
  MATCH (n:Event {id: id}) RETURN n
}
MATCH (n)-[:HOSTED|ATTENDED|REPRESENTS|PART_OF|OPERATES|BRIEFED|REQUESTED|AGREED_WITH]-(m)
WHERE (m:Entity OR m:Event) AND NOT m:Removed
RETURN DISTINCT m.id AS id
LIMIT $max_rows
