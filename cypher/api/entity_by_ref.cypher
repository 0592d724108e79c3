// The entity a reference names (never one removed by hand, :Removed), in one round trip: by id first ($ids: the id as given and
// lower-cased), else by name, alias or normalized name ($lower / $norm, candidates from the
// keyword index `entity_lookup`, as entity_by_name.cypher). `tier`: -1 = the id, 0 = the name
// itself, 1 = an alias or normalized form. Before, a name cost two statements (the id look-up
// first); /who-met by name resolves two.
OPTIONAL MATCH (byid:Entity) WHERE byid.id IN $ids AND NOT byid:Removed
WITH byid LIMIT 1
CALL (byid) {
  WITH byid WHERE byid IS NOT NULL
  RETURN byid {.id, .name, .type, .aliases} AS entity, -1 AS tier
  UNION
  WITH byid WHERE byid IS NULL
  CALL db.index.fulltext.queryNodes('entity_lookup', $exact) YIELD node AS e
  WITH e
  WHERE e:Entity AND NOT e:Removed AND (toLower(e.name) = $lower
     OR $norm IN coalesce(e.norm_names, [])
     OR any(a IN coalesce(e.aliases, []) WHERE toLower(a) = $lower))
  RETURN e {.id, .name, .type, .aliases} AS entity,
         CASE WHEN toLower(e.name) = $lower THEN 0 ELSE 1 END AS tier
}
RETURN entity, tier
ORDER BY tier, entity.name, entity.id
LIMIT 50
