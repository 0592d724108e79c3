// Entities whose name, alias or normalized name equals $lower / $norm (case-insensitive).
// `tier` ranks the match: 0 = the name itself, 1 = an alias or normalized form.
MATCH (e:Entity)
WHERE toLower(e.name) = $lower
   OR $norm IN coalesce(e.norm_names, [])
   OR any(a IN coalesce(e.aliases, []) WHERE toLower(a) = $lower)
RETURN e {.id, .name, .type, .aliases} AS entity,
       CASE WHEN toLower(e.name) = $lower THEN 0 ELSE 1 END AS tier
ORDER BY tier, entity.name, entity.id
LIMIT 50
