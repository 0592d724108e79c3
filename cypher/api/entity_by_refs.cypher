// The entities several references name, in one round trip (/who-met and /paths resolve two):
// for each $refs[n] ({ids, lower, norm, exact}, as entity_by_ref.cypher's parameters) the
// rows entity_by_ref.cypher gives for it, tagged with `n`. A reference that names nothing
// has no rows.
UNWIND range(0, size($refs) - 1) AS n
CALL (n) {
  WITH $refs[n] AS ref
  OPTIONAL MATCH (byid:Entity) WHERE byid.id IN ref.ids AND NOT byid:Removed
  WITH ref, byid LIMIT 1
  CALL (ref, byid) {
    WITH byid WHERE byid IS NOT NULL
    RETURN byid {.id, .name, .type, .aliases} AS entity, -1 AS tier
    UNION
    WITH ref, byid WHERE byid IS NULL
    CALL db.index.fulltext.queryNodes('entity_lookup', ref.exact) YIELD node AS e
    WITH ref, e
    WHERE e:Entity AND NOT e:Removed AND (toLower(e.name) = ref.lower
       OR ref.norm IN coalesce(e.norm_names, [])
       OR any(a IN coalesce(e.aliases, []) WHERE toLower(a) = ref.lower))
    RETURN e {.id, .name, .type, .aliases} AS entity,
           CASE WHEN toLower(e.name) = ref.lower THEN 0 ELSE 1 END AS tier
  }
  RETURN entity, tier
  ORDER BY tier, entity.name, entity.id
  LIMIT 50
}
RETURN n, entity, tier
