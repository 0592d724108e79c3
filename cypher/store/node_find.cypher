// An entity or event by id: its element id, kind, and the keys it is known by.
CALL () {
  MATCH (n:Entity {id: $id}) RETURN n
  UNION
  MATCH (n:Event {id: $id}) RETURN n
}
RETURN elementId(n) AS node, CASE WHEN n:Entity THEN 'entity' ELSE 'event' END AS kind,
  n.type AS type, coalesce(n.name, n.description, n.kind) AS name,
  coalesce(n.aliases, []) AS aliases,
  COLLECT { MATCH (k:NameKey)-[:KEY_OF]->(n) RETURN k.key } AS keys
