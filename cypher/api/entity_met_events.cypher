// The meetings of $id with each counterpart in $others (one page of entity_met), in date
// order, at most $per_counterpart each, with both roles and the evidence of each side.
// Same filters as entity_met (a date range, $include_undated; entity_met_summary serves the
// rest); undated meetings come last. Reports are read for the kept meetings only (after the
// cut), not for every meeting of the pair (cypher/README.md, "Reading at a million relationships").
MATCH (e:Entity {id: $id})-[r1:HOSTED|ATTENDED]->(ev:Event {status: 'held'})<-[r2:HOSTED|ATTENDED]-(o:Entity)
WHERE o.id IN $others AND NOT e:Removed AND NOT o:Removed
  AND NOT coalesce(r1.implied, false) AND NOT coalesce(r2.implied, false)
WITH o.id AS other, ev, r1, r2,
  coalesce(ev.date, CASE WHEN ev.year IS NOT NULL
    THEN date({year: ev.year, month: coalesce(ev.month, 1), day: coalesce(ev.day, 1)}) END) AS earliest,
  coalesce(ev.date, CASE
    WHEN ev.year IS NOT NULL AND ev.month IS NOT NULL AND ev.day IS NOT NULL
      THEN date({year: ev.year, month: ev.month, day: ev.day})
    WHEN ev.year IS NOT NULL AND ev.month IS NOT NULL
      THEN date({year: ev.year, month: ev.month, day: 1}) + duration({months: 1}) - duration({days: 1})
    WHEN ev.year IS NOT NULL
      THEN date({year: ev.year, month: 12, day: 31}) END) AS latest
WHERE (($since IS NULL OR latest >= $since) AND ($until IS NULL OR earliest <= $until))
  OR (earliest IS NULL AND $include_undated)
WITH other, ev, r1, r2, earliest
ORDER BY earliest, ev.id
WITH other, collect({ev: ev, r1: r1, r2: r2})[..$per_counterpart] AS kept
UNWIND range(0, size(kept) - 1) AS i
WITH other, i, kept[i].ev AS ev, kept[i].r1 AS r1, kept[i].r2 AS r2
ORDER BY other, i
WITH other, collect({event: properties(ev), own_type: type(r1), own: properties(r1),
                     their_type: type(r2), their: properties(r2),
                     reports: COLLECT { MATCH (d:Document)-[rp:REPORTS]->(ev) RETURN rp {.*, doc_id: d.id} }
                    }) AS meetings
RETURN other, meetings
