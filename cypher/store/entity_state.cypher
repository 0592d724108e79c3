// Everything an entity's derived properties are computed from, after locking the node (the SET
// takes its write lock, so the mentions read next include every committed writer's).
UNWIND $ids AS id
MATCH (e:Entity {id: id})
SET e._lock = true
REMOVE e._lock
RETURN e.id AS id, properties(e) AS props, labels(e) AS labels,
  COLLECT {
    MATCH (d:Document)-[m:MENTIONS]->(e)
    UNWIND m.names AS form
    WITH form, count(DISTINCT d) AS docs, sum(CASE WHEN form = m.name THEN 1 ELSE 0 END) AS main
    RETURN {form: form, docs: docs, primary: main}
  } AS forms,
  COLLECT {
    MATCH (:Document)-[m:MENTIONS]->(e)
    WITH m.type AS type, count(*) AS n
    RETURN {type: type, n: n}
  } AS types,
  COLLECT {
    MATCH (:Document)-[m:MENTIONS]->(e)
    WHERE m.country IS NOT NULL
    WITH m.country AS country, count(*) AS n
    RETURN {country: country, n: n}
  } AS countries,
  COLLECT { MATCH (k:NameKey)-[:KEY_OF]->(e) RETURN k.key } AS keys,
  COUNT { (:Document)-[:MENTIONS]->(e) } AS mentions,
  COLLECT {
    MATCH (d:Document)-[:MENTIONS]->(e)
    RETURN {first_seen: min(d.loaded_at), updated_at: max(d.loaded_at)}
  } AS seen
