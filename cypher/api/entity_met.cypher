// Whom $id met, one row per counterpart, ranked (most meetings, then latest), one page.
// Met: both HOSTED or non-implied ATTENDED the same Event whose status is 'held'.
// Dates: `earliest`/`latest` bound an event known only to the month or year; $since/$until
// keep an event that may fall in the range; undated events count only without a range.
// The meetings themselves are read for the page only (entity_met_events).
MATCH (e:Entity {id: $id})-[r1:HOSTED|ATTENDED]->(ev:Event {status: 'held'})<-[r2:HOSTED|ATTENDED]-(o:Entity)
WHERE o <> e
  AND NOT coalesce(r1.implied, false) AND NOT coalesce(r2.implied, false)
  AND ($type IS NULL OR o.type = $type)
WITH DISTINCT o, ev,
  coalesce(ev.date, CASE WHEN ev.year IS NOT NULL
    THEN date({year: ev.year, month: coalesce(ev.month, 1), day: coalesce(ev.day, 1)}) END) AS earliest,
  coalesce(ev.date, CASE
    WHEN ev.year IS NOT NULL AND ev.month IS NOT NULL AND ev.day IS NOT NULL
      THEN date({year: ev.year, month: ev.month, day: ev.day})
    WHEN ev.year IS NOT NULL AND ev.month IS NOT NULL
      THEN date({year: ev.year, month: ev.month, day: 1}) + duration({months: 1}) - duration({days: 1})
    WHEN ev.year IS NOT NULL
      THEN date({year: ev.year, month: 12, day: 31}) END) AS latest
WHERE ($since IS NULL OR latest >= $since) AND ($until IS NULL OR earliest <= $until)
WITH o, ev, earliest
ORDER BY earliest, ev.id
WITH o, collect(ev {.*}) AS events, min(earliest) AS first_date, max(earliest) AS last_date
WITH o, size(events) AS count, first_date, last_date, events[0] AS first_event, events[-1] AS last_event
ORDER BY count DESC, last_date DESC, o.name, o.id
WITH collect({counterpart: o {.id, .name, .type}, count: count, first_date: first_date,
              last_date: last_date, first_event: first_event, last_event: last_event}) AS rows
RETURN size(rows) AS total, rows[$offset..($offset + $limit)] AS page
