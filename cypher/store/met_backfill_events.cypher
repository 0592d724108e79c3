// MET summary backfill: held event ids in order, one batch after $after.
MATCH (ev:Event) WHERE ev.id > $after AND ev.status = 'held'
RETURN ev.id AS id ORDER BY id LIMIT $limit
