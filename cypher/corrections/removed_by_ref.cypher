// A removed entity by reference (for restoring it): by id ($ids, as given and lower-cased),
// else by name, alias or normalized name ($lower / $norm, candidates from the keyword index
// `entity_lookup`). `tier` as api/entity_by_ref.cypher, which finds live entities only.
OPTIONAL MATCH (byid:Removed) WHERE byid.id IN $ids
WITH byid LIMIT 1
CALL (byid) {
  WITH byid WHERE byid IS NOT NULL
  RETURN byid {.id, .name, .type, .aliases} AS entity, -1 AS tier
  UNION
  WITH byid WHERE byid IS NULL
  CALL db.index.fulltext.queryNodes('entity_lookup', $exact) YIELD node AS e
  WITH e
  WHERE e:Removed AND (toLower(e.name) = $lower
     OR $norm IN coalesce(e.norm_names, [])
     OR any(a IN coalesce(e.aliases, []) WHERE toLower(a) = $lower))
  RETURN e {.id, .name, .type, .aliases} AS entity,
         CASE WHEN toLower(e.name) = $lower THEN 0 ELSE 1 END AS tier
}
RETURN entity, tier
ORDER BY tier, entity.name, entity.id
LIMIT 50
