// Relationships per type (types read from the database's catalogue).
CALL db.relationshipTypes() YIELD relationshipType
CALL (relationshipType) { MATCH ()-[r:$(relationshipType)]->() RETURN count(r) AS count }
RETURN relationshipType AS type, count
ORDER BY type
