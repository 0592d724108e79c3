// Whom $id met, one row per counterpart, ranked (most meetings, then latest), one page, within
// a date range ($since/$until): without one, /met reads the MET summary (entity_met_summary).
// Met: both HOSTED or non-implied ATTENDED the same Event whose status is 'held'.
// Dates: `earliest`/`latest` bound an event known only to the month or year; $since/$until
// keep an event that may fall in the range. An undated event (no date, no year) cannot be
// placed in a range: kept with $include_undated, else counted in `undated_left_out` (the
// meetings with a counterpart of $type that the range left out).
// The meetings themselves are read for the page only (entity_met_events).
// Cost (cypher/README.md, "Reading at a million relationships"): each of $id's events is
// read once (dates, id) before its other participants are expanded; counterparts are
// aggregated without sorting their events (min/max of [earliest, id, event] lists order
// like `ORDER BY earliest, ev.id`, undated last); properties are projected for the page only.
MATCH (e:Entity {id: $id})-[r1:HOSTED|ATTENDED]->(ev:Event {status: 'held'})
WHERE NOT coalesce(r1.implied, false)
WITH DISTINCT e, ev
WITH e, ev,
  coalesce(ev.date, CASE WHEN ev.year IS NOT NULL
    THEN date({year: ev.year, month: coalesce(ev.month, 1), day: coalesce(ev.day, 1)}) END) AS earliest,
  CASE WHEN $since IS NULL THEN null ELSE coalesce(ev.date, CASE
    WHEN ev.year IS NOT NULL AND ev.month IS NOT NULL AND ev.day IS NOT NULL
      THEN date({year: ev.year, month: ev.month, day: ev.day})
    WHEN ev.year IS NOT NULL AND ev.month IS NOT NULL
      THEN date({year: ev.year, month: ev.month, day: 1}) + duration({months: 1}) - duration({days: 1})
    WHEN ev.year IS NOT NULL
      THEN date({year: ev.year, month: 12, day: 31}) END) END AS latest
WHERE (($since IS NULL OR latest >= $since) AND ($until IS NULL OR earliest <= $until))
  OR (earliest IS NULL AND $include_undated)
WITH e, ev, [earliest, ev.id, ev] AS key
MATCH (ev)<-[r2:HOSTED|ATTENDED]-(o:Entity)
WHERE o <> e AND NOT coalesce(r2.implied, false)
  AND ($type IS NULL OR o.type = $type)
WITH DISTINCT o, ev, key
WITH o, count(ev) AS count, min(key[0]) AS first_date, max(key[0]) AS last_date,
  min(key)[2] AS first_event, max(key)[2] AS last_event
ORDER BY count DESC, last_date DESC, o.name, o.id
WITH collect({o: o, count: count, first_date: first_date, last_date: last_date,
              first_event: first_event, last_event: last_event}) AS rows
RETURN size(rows) AS total,
  CASE WHEN $include_undated OR ($since IS NULL AND $until IS NULL) THEN 0 ELSE COUNT {
    MATCH (:Entity {id: $id})-[r1:HOSTED|ATTENDED]->(ev:Event {status: 'held'})
    WHERE NOT coalesce(r1.implied, false) AND ev.date IS NULL AND ev.year IS NULL
      AND EXISTS {
        MATCH (ev)<-[r2:HOSTED|ATTENDED]-(o:Entity)
        WHERE o.id <> $id AND NOT coalesce(r2.implied, false) AND ($type IS NULL OR o.type = $type)
      }
    RETURN DISTINCT ev
  } END AS undated_left_out,
  [row IN rows[$offset..($offset + $limit)] | {
     counterpart: {id: row.o.id, name: row.o.name, type: row.o.type}, count: row.count,
     first_date: row.first_date, last_date: row.last_date,
     first_event: properties(row.first_event), last_event: properties(row.last_event)}] AS page
