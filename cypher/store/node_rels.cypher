// Every relationship of one entity or event except its resolution keys, with the other end,
// so that support can be moved to another node (merge) or split off (remove). The MET summary
// is not support: graph/store/summaries.py re-derives it from the moved facts.
CALL () {
  MATCH (n:Entity {id: $id}) RETURN n
  UNION
  MATCH (n:Event {id: $id}) RETURN n
}
MATCH (n)-[r]-(o)
WHERE NOT o:NameKey AND NOT r:MET
RETURN elementId(r) AS rel, type(r) AS type, startNode(r) = n AS outgoing,
  elementId(o) AS other, coalesce(o.id, '') AS other_id, o:Document AS other_is_document,
  properties(r) AS props
