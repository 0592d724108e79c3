// Node count per label; labels come from the database's own catalogue, never from a request.
CALL db.labels() YIELD label
CALL (label) { MATCH (n:$(label)) RETURN count(n) AS count }
RETURN label AS name, count
ORDER BY name
