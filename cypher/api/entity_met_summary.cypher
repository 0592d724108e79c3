// /met without a date range, in one round trip: the look-up of the reference, then whom that
// entity met, one row per counterpart, ranked (most meetings, then latest), one page, with
// the page's meetings: read from the MET summary the store keeps (graph/store/summaries.py),
// one relationship per counterpart and no evidence for the ranking. Used when no date range
// is asked (entity_met.cypher and entity_met_events.cypher are).
// `found`: the look-up rows of the reference ($ids, $lower, $norm, $exact: as
// entity_by_ref.cypher, whose rows these are, best first). The page is read for the first
// row's entity (`entity_id`) only when that row settles the reference (an id, or the only row of
// its tier that is not a bare one-word person's name with other persons beside it); the API
// decides from `found` as entity_by_ref's caller does and answers 404 / 409 without the page.
// Before, the look-up was a statement of its own.
// `total` is the entity's MET degree (a count kept by the store, no relationship read) or,
// with $type, a count of its MET relationships. Paging: $after (the cursor: the last row's
// count, last date, name and id) starts after that row; $offset skips rows (without a cursor).
// A null last date sorts first (as `last_date DESC` does) through the far-future stand-in.
// Each row's `meetings`: its first $per_counterpart meetings (the pair's sorted `meetings`
// keys, read by id; rows are (meeting, role of each side), so an entity that both hosted and
// attended one meeting gives two rows, cut to $per_counterpart like the others) with both
// roles and the evidence of each side. `documents`: the documents that evidence cites, so
// the answer needs no further round trip (one statement per page, where there were three).
CALL () {
  OPTIONAL MATCH (byid:Entity) WHERE byid.id IN $ids AND NOT byid:Removed
  WITH byid LIMIT 1
  CALL (byid) {
    WITH byid WHERE byid IS NOT NULL
    RETURN byid {.id, .name, .type, .aliases} AS entity, -1 AS tier
    UNION
    WITH byid WHERE byid IS NULL
    CALL db.index.fulltext.queryNodes('entity_lookup', $exact) YIELD node AS e
    WITH e
    WHERE e:Entity AND NOT e:Removed AND (toLower(e.name) = $lower
       OR $norm IN coalesce(e.norm_names, [])
       OR any(a IN coalesce(e.aliases, []) WHERE toLower(a) = $lower))
    RETURN e {.id, .name, .type, .aliases} AS entity,
           CASE WHEN toLower(e.name) = $lower THEN 0 ELSE 1 END AS tier
  }
  RETURN entity, tier
  ORDER BY tier, entity.name, entity.id
  LIMIT 50
}
WITH collect({entity: entity, tier: tier}) AS found
WITH found, found[0] AS top
WITH found, CASE WHEN top.tier < 0 THEN top.entity.id
  WHEN size([r IN found WHERE r.tier = top.tier]) = 1
       AND NOT (top.entity.type = 'Person' AND size(split(trim(top.entity.name), ' ')) = 1
                AND size([r IN found WHERE r.entity.type = 'Person']) > 1)
  THEN top.entity.id END AS id
OPTIONAL MATCH (e:Entity {id: id})
WITH found, e, CASE WHEN e IS NULL THEN 0 WHEN $type IS NULL THEN COUNT { (e)-[:MET]-() }
  ELSE COUNT { (e)-[:MET]-(o:Entity) WHERE o.type = $type } END AS total
OPTIONAL CALL (e) {
  MATCH (e)-[m:MET]-(o)
  WHERE $type IS NULL OR o.type = $type
  WITH m, o, coalesce(m.last_date, date('9999-12-31')) AS last, coalesce(o.name, '') AS name
  WHERE $after IS NULL OR m.count < $after.count OR (m.count = $after.count AND (
    last < $after.last OR (last = $after.last AND (
      name > $after.name OR (name = $after.name AND o.id > $after.id)))))
  WITH m, o ORDER BY m.count DESC, last DESC, name, o.id SKIP $offset LIMIT $limit
  MATCH (first:Event {id: m.first_id}), (latest:Event {id: m.last_id})
  CALL (e, o, m) {
    UNWIND range(0, size(m.meetings[..$per_counterpart]) - 1) AS i
    MATCH (ev:Event {id: substring(m.meetings[i], 11)})
    MATCH (e)-[r1:HOSTED|ATTENDED]->(ev)<-[r2:HOSTED|ATTENDED]-(o)
    WHERE NOT coalesce(r1.implied, false) AND NOT coalesce(r2.implied, false)
    WITH i, ev, r1, r2 ORDER BY i, type(r1), type(r2)
    WITH collect({ev: ev, r1: r1, r2: r2})[..$per_counterpart] AS kept
    UNWIND kept AS k
    WITH k.ev AS ev, k.r1 AS r1, k.r2 AS r2
    WITH ev, r1, r2,
         COLLECT { MATCH (d:Document)-[rp:REPORTS]->(ev) RETURN rp {.*, doc_id: d.id} } AS reports
    RETURN collect({event: properties(ev), own_type: type(r1), own: properties(r1),
                    their_type: type(r2), their: properties(r2), reports: reports}) AS meetings,
           collect(coalesce(r1.doc_ids, []) + coalesce(r2.doc_ids, [])
                   + [rp IN reports | rp.doc_id]) AS cited
  }
  RETURN {counterpart: o {.id, .name, .type}, count: m.count, first_date: m.first_date,
          last_date: m.last_date, first_event: properties(first),
          last_event: properties(latest), meetings: meetings} AS row, cited
}
WITH found, e.id AS entity_id, total, collect(row) AS page, collect(cited) AS cited
CALL (cited) {
  UNWIND cited AS lists
  UNWIND lists AS ids
  UNWIND ids AS id
  WITH DISTINCT id
  MATCH (d:Document {id: id})
  RETURN collect(d {.id, .title, .published, .source, .url}) AS documents
}
RETURN found, entity_id, total, page, documents
