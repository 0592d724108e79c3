// Whom $id met, one row per counterpart, ranked (most meetings, then latest), one page, within
// a date range ($since/$until): without one, /met reads the MET summary (entity_met_summary).
// Met: both HOSTED or non-implied ATTENDED the same Event whose status is 'held' (an entity
// removed by hand, :Removed, met no one).
// Dates: `earliest`/`latest` bound an event known only to the month or year; $since/$until
// keep an event that may fall in the range. An undated event (no date, no year) cannot be
// placed in a range: kept with $include_undated, else counted in `undated_left_out` (the
// meetings with a counterpart of $type that the range left out).
// The meetings themselves are read for the page only (entity_met_events).
// Cost (cypher/README.md, "Reading at a million relationships"): each of $id's events is
// read once (dates, id) before its other participants are expanded, and only the undated ones
// left out are looked at again (for a counterpart); counterparts are aggregated without
// sorting their events (min/max of [earliest, id, event] lists order like
// `ORDER BY earliest, ev.id`, undated last); properties are projected for the page only.
// Both subqueries aggregate, so an entity with no meeting in the range is one row too.
MATCH (e:Entity {id: $id}) WHERE NOT e:Removed
CALL (e) {
  MATCH (e)-[r1:HOSTED|ATTENDED]->(ev:Event {status: 'held'})
  WHERE NOT coalesce(r1.implied, false)
  WITH DISTINCT ev
  WITH ev,
    coalesce(ev.date, CASE WHEN ev.year IS NOT NULL
      THEN date({year: ev.year, month: coalesce(ev.month, 1), day: coalesce(ev.day, 1)}) END) AS earliest,
    CASE WHEN $since IS NULL THEN null ELSE coalesce(ev.date, CASE
      WHEN ev.year IS NOT NULL AND ev.month IS NOT NULL AND ev.day IS NOT NULL
        THEN date({year: ev.year, month: ev.month, day: ev.day})
      WHEN ev.year IS NOT NULL AND ev.month IS NOT NULL
        THEN date({year: ev.year, month: ev.month, day: 1}) + duration({months: 1}) - duration({days: 1})
      WHEN ev.year IS NOT NULL
        THEN date({year: ev.year, month: 12, day: 31}) END) END AS latest
  // null for an undated event in a range: neither kept nor dropped yet
  WITH ev, earliest, ($since IS NULL OR latest >= $since) AND ($until IS NULL OR earliest <= $until) AS in_range
  WHERE in_range OR earliest IS NULL
  RETURN collect(CASE WHEN in_range OR $include_undated THEN [earliest, ev.id, ev] END) AS keys,
    collect(CASE WHEN in_range IS NULL AND NOT $include_undated THEN ev END) AS undated
}
WITH e, keys, size([ev IN undated WHERE EXISTS {
    MATCH (ev)<-[r2:HOSTED|ATTENDED]-(o:Entity)
    WHERE o <> e AND NOT o:Removed AND NOT coalesce(r2.implied, false) AND ($type IS NULL OR o.type = $type)
  }]) AS undated_left_out
CALL (e, keys) {
  UNWIND keys AS key
  WITH key, key[2] AS ev
  MATCH (ev)<-[r2:HOSTED|ATTENDED]-(o:Entity)
  WHERE o <> e AND NOT o:Removed AND NOT coalesce(r2.implied, false)
    AND ($type IS NULL OR o.type = $type)
  WITH DISTINCT o, ev, key
  WITH o, count(ev) AS count, min(key[0]) AS first_date, max(key[0]) AS last_date,
    min(key)[2] AS first_event, max(key)[2] AS last_event
  ORDER BY count DESC, last_date DESC, o.name, o.id
  RETURN collect({o: o, count: count, first_date: first_date, last_date: last_date,
                  first_event: first_event, last_event: last_event}) AS rows
}
RETURN size(rows) AS total, undated_left_out,
  [row IN rows[$offset..($offset + $limit)] | {
     counterpart: {id: row.o.id, name: row.o.name, type: row.o.type}, count: row.count,
     first_date: row.first_date, last_date: row.last_date,
     first_event: properties(row.first_event), last_event: properties(row.last_event)}] AS page
