// Entities holding any of the given ids (to pick a free id for a new node).
UNWIND $ids AS id
MATCH (e:Entity {id: id})
RETURN e.id AS id, e.type AS type, e.country AS country
