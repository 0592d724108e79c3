// Relationship count per type; types come from the database's own catalogue.
CALL db.relationshipTypes() YIELD relationshipType
CALL (relationshipType) { MATCH ()-[r:$(relationshipType)]->() RETURN count(r) AS count }
RETURN relationshipType AS name, count
ORDER BY name
