// Whom $id met, one row per counterpart, ranked (most meetings, then latest), one page, with
// the page's meetings: read from the MET summary the store keeps (graph/store/summaries.py),
// one relationship per counterpart and no evidence for the ranking. Used when no date range
// is asked (entity_met.cypher and entity_met_events.cypher are).
// `total` is the entity's MET degree (a count kept by the store, no relationship read) or,
// with $type, a count of its MET relationships. Paging: $after (the cursor: the last row's
// count, last date, name and id) starts after that row; $offset skips rows (without a cursor).
// A null last date sorts first (as `last_date DESC` does) through the far-future stand-in.
// Each row's `meetings`: its first $per_counterpart meetings (the pair's sorted `meetings`
// keys, read by id; rows are (meeting, role of each side), so an entity that both hosted and
// attended one meeting gives two rows, cut to $per_counterpart like the others) with both
// roles and the evidence of each side. `documents`: the documents that evidence cites, so
// the answer needs no further round trip (one statement per page, where there were three).
MATCH (e:Entity {id: $id})
WITH e, CASE WHEN $type IS NULL THEN COUNT { (e)-[:MET]-() }
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
WITH total, collect(row) AS page, collect(cited) AS cited
CALL (cited) {
  UNWIND cited AS lists
  UNWIND lists AS ids
  UNWIND ids AS id
  WITH DISTINCT id
  MATCH (d:Document {id: id})
  RETURN collect(d {.id, .title, .published, .source, .url}) AS documents
}
RETURN total, page, documents
