// The reference for /paths (graph/read/paths.py searches a bounded ball over MET instead;
// bench/paths_check.py compares the two, and it stays usable from Neo4j Browser).
// Shortest connections between two entities through events (HOSTED/ATTENDED) and
// affiliations (REPRESENTS/PART_OF/OPERATES). Only held events and stated (non-implied)
// attendance count. The hop bound is fixed here (6, a literal: Cypher takes no parameter
// there); all shortest paths have one length, so the API drops them when it exceeds max_hops.
MATCH (a:Entity {id: $from}), (b:Entity {id: $to})
MATCH p = allShortestPaths((a)-[:HOSTED|ATTENDED|REPRESENTS|PART_OF|OPERATES*..6]-(b))
WHERE all(r IN relationships(p) WHERE NOT coalesce(r.implied, false))
  AND all(n IN nodes(p) WHERE (NOT n:Event OR n.status = 'held') AND NOT n:Removed)
WITH p LIMIT $limit
RETURN [n IN nodes(p) | CASE WHEN n:Event
          THEN {kind: 'event', props: n {.*}}
          ELSE {kind: 'entity', props: n {.id, .name, .type}} END] AS nodes,
       [r IN relationships(p) | {type: type(r), start: startNode(r).id, end: endNode(r).id,
                                 rel: properties(r)}] AS rels
