// /paths' first round trip: the look-up of both ends and the first ring of the search around
// each (graph/read/paths.py). `found`: for $refs[0] and $refs[1] ({ids, lower, norm, exact},
// as entity_by_ref.cypher's parameters) the rows entity_by_refs.cypher gives, as maps
// {n, entity, tier}, each reference's rows best first. `near`: path_neighbours.cypher's rows
// ({from, to, met, rel, degree}) for the entity of each reference's FIRST row (a reference
// that resolves at all resolves to its first row; when one is ambiguous or unknown the API
// answers 409 / 404 and drops these rows), none when both name the same entity.
// The search widens the ball around `from` first and then the one around `to` (each ball's
// cost is unknown until its first ring is read; it stops sooner only at max_hops 1 or on a
// tie between the two), so both first rings come with the look-up. Before, these were three
// statements (entity_by_refs, then path_neighbours for each end).
CALL () {
  UNWIND range(0, size($refs) - 1) AS n
  CALL (n) {
    WITH $refs[n] AS ref
    OPTIONAL MATCH (byid:Entity) WHERE byid.id IN ref.ids AND NOT byid:Removed
    WITH ref, byid LIMIT 1
    CALL (ref, byid) {
      WITH byid WHERE byid IS NOT NULL
      RETURN byid {.id, .name, .type, .aliases} AS entity, -1 AS tier
      UNION
      WITH ref, byid WHERE byid IS NULL
      CALL db.index.fulltext.queryNodes('entity_lookup', ref.exact) YIELD node AS e
      WITH ref, e
      WHERE e:Entity AND NOT e:Removed AND (toLower(e.name) = ref.lower
         OR ref.norm IN coalesce(e.norm_names, [])
         OR any(a IN coalesce(e.aliases, []) WHERE toLower(a) = ref.lower))
      RETURN e {.id, .name, .type, .aliases} AS entity,
             CASE WHEN toLower(e.name) = ref.lower THEN 0 ELSE 1 END AS tier
    }
    RETURN entity, tier
    ORDER BY tier, entity.name, entity.id
    LIMIT 50
  }
  RETURN collect({n: n, entity: entity, tier: tier}) AS found
}
WITH found, [r IN found WHERE r.n = 0 | r.entity.id][0] AS a_id,
     [r IN found WHERE r.n = 1 | r.entity.id][0] AS b_id
CALL (a_id, b_id) {
  UNWIND CASE WHEN a_id IS NULL OR b_id IS NULL OR a_id = b_id THEN [] ELSE [a_id, b_id] END
    AS id
  MATCH (x:Entity {id: id})-[r:MET|REPRESENTS|PART_OF|OPERATES]-(y:Entity)
  WHERE x <> y AND NOT y:Removed
  RETURN collect({from: id, to: y.id, met: type(r) = 'MET', rel: elementId(r),
                  degree: COUNT { (y)-[:MET|REPRESENTS|PART_OF|OPERATES]-() }}) AS near
}
RETURN found, near
