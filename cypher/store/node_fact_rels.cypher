// Element ids of the facts (relationships with provenance lists) touching the given nodes.
UNWIND $ids AS id
CALL (id) {
  MATCH (n:Entity {id: id}) RETURN n
  UNION
  MATCH (n:Event {id: id}) RETURN n
}
MATCH (n)-[r]-()
WHERE r.doc_ids IS NOT NULL
RETURN DISTINCT elementId(r) AS rel
