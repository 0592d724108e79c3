// Full-text search over entity names and aliases (index `entity_names`), ranked.
// $lucene is built from the user's words with every Lucene special character escaped.
CALL db.index.fulltext.queryNodes('entity_names', $lucene) YIELD node, score
WHERE node:Entity AND NOT node:Removed AND ($type IS NULL OR node.type = $type)
WITH node, score
ORDER BY score DESC, node.name, node.id
WITH collect({entity: node {.id, .name, .type, .aliases}, score: score}) AS hits
RETURN size(hits) AS total, hits[$offset..($offset + $limit)] AS items
