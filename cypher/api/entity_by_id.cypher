// One entity by id ($ids holds the id as given and lower-cased: ids are lower-case slugs).
MATCH (e:Entity) WHERE e.id IN $ids AND NOT e:Removed  // removed by hand: named by nothing
RETURN e {.id, .name, .type, .aliases} AS entity
LIMIT 1
