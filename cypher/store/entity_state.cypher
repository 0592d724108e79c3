// Everything an entity's derived properties are computed from, after locking the node (the SET
// takes its write lock, so the mentions read next include every committed writer's). One pass
// over the mentions; the counting is done by the caller.
UNWIND $ids AS id
MATCH (e:Entity {id: id})
SET e._lock = true
REMOVE e._lock
WITH e
CALL (e) {
  OPTIONAL MATCH (d:Document)-[m:MENTIONS]->(e)
  RETURN count(m) AS mentions,
    min(d.loaded_at) AS first_seen,
    max(d.loaded_at) AS updated_at,
    collect(m.names) AS names,
    collect(m.name) AS mains,
    collect(m.type) AS types,
    collect(m.country) AS countries
}
RETURN e.id AS id, properties(e) AS props, labels(e) AS labels,
  mentions, first_seen, updated_at, names, mains, types, countries,
  COLLECT { MATCH (k:NameKey)-[:KEY_OF]->(e) RETURN k.key } AS keys
