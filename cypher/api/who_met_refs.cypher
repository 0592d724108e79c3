// /who-met in one round trip: the look-up of both references and the pair's meetings.
// `found`: for $refs[0] and $refs[1] ({ids, lower, norm, exact}, as entity_by_ref.cypher's
// parameters) the rows entity_by_refs.cypher gives, as maps {n, entity, tier}, each
// reference's rows best first. `meetings`: who_met_summary.cypher's rows for the pair of
// each reference's FIRST row (a reference that resolves at all resolves to its first row;
// when one is ambiguous or unknown the API answers 409 / 404 and drops these rows), none
// when either reference names nothing or both name the same entity.
// Before, /who-met was two statements (entity_by_refs, then who_met_summary).
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
  WITH a_id, b_id WHERE a_id IS NOT NULL AND b_id IS NOT NULL AND a_id <> b_id
  MATCH (a:Entity {id: a_id})-[m:MET]-(b:Entity {id: b_id})
  UNWIND m.meetings AS key
  MATCH (ev:Event {id: substring(key, 11)})
  MATCH (a)-[r1:HOSTED|ATTENDED]->(ev)<-[r2:HOSTED|ATTENDED]-(b)
  WHERE NOT coalesce(r1.implied, false) AND NOT coalesce(r2.implied, false)
  WITH ev, r1, r2,
       COLLECT { MATCH (d:Document)-[rp:REPORTS]->(ev) RETURN rp {.*, doc_id: d.id} } AS reports
  WITH ev, r1, r2, reports
  ORDER BY ev.date, ev.year, ev.month, ev.day, ev.id
  RETURN collect({
    event: ev {.*}, a_type: type(r1), a_rel: properties(r1),
    b_type: type(r2), b_rel: properties(r2), reports: reports,
    documents: COLLECT { MATCH (d:Document)
                         WHERE d.id IN coalesce(r1.doc_ids, []) + coalesce(r2.doc_ids, [])
                                       + [rp IN reports | rp.doc_id]
                         RETURN d {.id, .title, .published, .source, .url} }
  }) AS meetings
}
RETURN found, meetings
