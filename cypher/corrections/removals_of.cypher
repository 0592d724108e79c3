// The removal records naming the given entity ids.
MATCH (c:Correction {kind: 'remove'})
WHERE c.entity_id IN $ids
RETURN properties(c) AS c
