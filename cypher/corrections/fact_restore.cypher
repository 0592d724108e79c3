// Put a fact marked wrong back: the relationship of the recorded type between its two ends
// (an entity and an entity, event or quote), with the provenance lists given.
MATCH (a:Entity {id: $source})
CALL () {
  MATCH (b:Entity {id: $target}) RETURN b
  UNION
  MATCH (b:Event {id: $target}) RETURN b
  UNION
  MATCH (b:Quote {id: $target}) RETURN b
}
MERGE (a)-[r:$($type)]->(b)
SET r = $props
RETURN elementId(r) AS rel
