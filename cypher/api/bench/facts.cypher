// Benchmark graph: fact relationships (HOSTED, ATTENDED, REPRESENTS) with evidence lists.
// The type comes from the generator's fixed list, never from outside input.
UNWIND $rows AS row
MATCH (a:Entity {id: row.source})
CALL (row) {
  MATCH (b:Entity {id: row.target}) WHERE row.target_kind = 'entity' RETURN b
  UNION
  MATCH (b:Event {id: row.target}) WHERE row.target_kind = 'event' RETURN b
}
MERGE (a)-[r:$(row.type)]->(b)
SET r += row.props
