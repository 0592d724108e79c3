// Readiness probe: the database answers a read.
RETURN 1 AS ok
