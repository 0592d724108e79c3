// Nodes per label (labels read from the database's catalogue).
CALL db.labels() YIELD label
CALL (label) { MATCH (n:$(label)) RETURN count(n) AS count }
RETURN label, count
ORDER BY label
