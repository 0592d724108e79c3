// entity_state for entities that only gained mentions, of documents loaded at $now (a group
// load): the first and last load times follow from the stored ones, and the name, type and
// country counts (tally_* properties, see graph/store/tallies.py) are on the node, so the
// caller adds the group's own mentions to them and neither the mentions nor the documents
// are visited (a busy entity has thousands). A node without the counts (written before they
// existed) has its mentions read, as entity_state does; writing it stores them.
UNWIND $ids AS id
MATCH (e:Entity {id: id})
SET e._lock = true
REMOVE e._lock
WITH e
CALL (e) {
  WITH e WHERE e.tally_mentions IS NULL
  OPTIONAL MATCH ()-[m:MENTIONS]->(e)
  RETURN count(m) AS mentions,
    collect(m.names) AS names,
    collect(m.name) AS mains,
    collect(m.type) AS types,
    collect(m.country) AS countries
}
RETURN e.id AS id, properties(e) AS props, labels(e) AS labels,
  e.tally_mentions IS NOT NULL AS tallied, mentions,
  CASE WHEN e.first_seen IS NOT NULL AND e.first_seen < $now THEN e.first_seen ELSE $now END
    AS first_seen,
  CASE WHEN e.updated_at IS NOT NULL AND e.updated_at > $now THEN e.updated_at ELSE $now END
    AS updated_at,
  names, mains, types, countries,
  COLLECT { MATCH (k:NameKey)-[:KEY_OF]->(e) RETURN k.key } AS keys
