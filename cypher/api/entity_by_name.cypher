// Entities whose name, alias or normalized name equals $lower / $norm (case-insensitive);
// an entity removed by hand (:Removed) is named by nothing.
// `tier` ranks the match: 0 = the name itself, 1 = an alias or normalized form.
// Cost (cypher/README.md, "Reading at a million relationships"): candidates come from a seek
// in the keyword index `entity_lookup` on each entity's `lookup` keys ($exact: $lower and
// $norm as whole terms), not from a scan of every :Entity; the exact test below decides.
CALL db.index.fulltext.queryNodes('entity_lookup', $exact) YIELD node AS e
WITH e
WHERE e:Entity AND NOT e:Removed AND (toLower(e.name) = $lower
   OR $norm IN coalesce(e.norm_names, [])
   OR any(a IN coalesce(e.aliases, []) WHERE toLower(a) = $lower))
RETURN e {.id, .name, .type, .aliases} AS entity,
       CASE WHEN toLower(e.name) = $lower THEN 0 ELSE 1 END AS tier
ORDER BY tier, entity.name, entity.id
LIMIT 50
