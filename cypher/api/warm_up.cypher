// Start-up warm-up of the API (its failures are ignored): read every entity's and every
// meeting's first properties once, so the first requests after a (re)start of Neo4j or of
// the API do not pay for a cold page cache and fresh query plans inside their own timeout.
// OPTIONAL: one row of counts even on an empty graph.
OPTIONAL MATCH (e:Entity)
WITH count(e.name) AS entities
OPTIONAL MATCH (v:Event)
WITH entities, count(v.kind) AS events
OPTIONAL MATCH ()-[r]->()
RETURN entities, events, count(r) AS relationships
