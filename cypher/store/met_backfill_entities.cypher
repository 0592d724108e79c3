// MET summary backfill: entity ids in order, one batch after $after.
MATCH (e:Entity) WHERE e.id > $after
RETURN e.id AS id ORDER BY id LIMIT $limit
