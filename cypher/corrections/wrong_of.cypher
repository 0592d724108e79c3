// The facts of one entity marked wrong (for its page's "put back" control), newest first.
MATCH (c:Correction {kind: 'wrong', source_id: $id})
RETURN properties(c) AS c
ORDER BY c.at DESC
LIMIT 200
