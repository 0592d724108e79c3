// All entities (optionally of one type), by name: the listing when no search words are given.
MATCH (e:Entity)
WHERE NOT e:Removed AND ($type IS NULL OR e.type = $type)
WITH e ORDER BY e.name, e.id
WITH collect(e {.id, .name, .type, .aliases}) AS rows
RETURN size(rows) AS total,
       [r IN rows[$offset..($offset + $limit)] | {entity: r, score: null}] AS items
