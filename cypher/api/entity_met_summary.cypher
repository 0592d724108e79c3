// Whom $id met, one row per counterpart, ranked (most meetings, then latest), one page: read
// from the MET summary the store keeps (graph/store/summaries.py), one relationship per
// counterpart and no evidence. Used when no date range is asked (entity_met.cypher is).
// `total` is the entity's MET degree (a count kept by the store, no relationship read) or,
// with $type, a count of its MET relationships. Paging: $after (the cursor: the last row's
// count, last date, name and id) starts after that row; $offset skips rows (without a cursor).
// A null last date sorts first (as `last_date DESC` does) through the far-future stand-in.
// Each row also names its first $per_counterpart meetings (the pair's sorted `meetings`), so
// entity_met_summary_events reads those events by id and never the MET of a busy pair again.
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
  RETURN {counterpart: o {.id, .name, .type}, count: m.count, first_date: m.first_date,
          last_date: m.last_date, first_event: properties(first),
          last_event: properties(latest), meetings: m.meetings[..$per_counterpart]} AS row
}
RETURN total, collect(row) AS page
