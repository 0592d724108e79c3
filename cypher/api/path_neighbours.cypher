// One ring of /paths' bounded search (graph/read/paths.py): each entity's neighbours over a
// standing tie (REPRESENTS, PART_OF, OPERATES: one hop) or the MET summary (a shared held
// meeting: two hops, entity-event-entity). Reads one relationship per neighbour, no events;
// the relationship's element id lets path_details read a route's steps without a search;
// `degree` (a count kept per node, no relationship read) is what expanding it would cost.
UNWIND $ids AS id
MATCH (x:Entity {id: id})-[r:MET|REPRESENTS|PART_OF|OPERATES]-(y:Entity)
WHERE x <> y AND NOT y:Removed  // a removed entity (:Removed) is no step of a route
RETURN id AS from, y.id AS to, type(r) = 'MET' AS met, elementId(r) AS rel,
  COUNT { (y)-[:MET|REPRESENTS|PART_OF|OPERATES]-() } AS degree
