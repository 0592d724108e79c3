// Removed entities whose names come near the words of a restore that named none
// ($lucene: built from the words with every Lucene special character escaped).
CALL db.index.fulltext.queryNodes('entity_names', $lucene) YIELD node, score
WHERE node:Removed
RETURN node {.id, .name, .type} AS entity
ORDER BY score DESC, entity.name, entity.id
LIMIT $limit
