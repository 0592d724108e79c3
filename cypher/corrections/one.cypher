// One correction by id.
MATCH (c:Correction {id: $id})
RETURN properties(c) AS c
