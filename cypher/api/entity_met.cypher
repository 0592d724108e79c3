// Whom $id met: both HOSTED or non-implied ATTENDED the same held Event.
// Dates: `earliest`/`latest` bound an event whose date is known only to the month or year;
// $since/$until keep an event that may fall in the range; undated events only without a range.
MATCH (e:Entity {id: $id})-[r1:HOSTED|ATTENDED]->(ev:Event {status: 'held'})<-[r2:HOSTED|ATTENDED]-(o:Entity)
WHERE o <> e
  AND NOT coalesce(r1.implied, false) AND NOT coalesce(r2.implied, false)
  AND ($type IS NULL OR o.type = $type)
WITH e, o, ev, r1, r2,
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
WITH o, ev, r1, r2, earliest
ORDER BY earliest, ev.id
WITH o,
  collect({event: ev {.*}, own_type: type(r1), own: properties(r1),
           their_type: type(r2), their: properties(r2),
           reports: COLLECT { MATCH (d:Document)-[rp:REPORTS]->(ev) RETURN rp {.*, doc_id: d.id} }}) AS meetings,
  min(earliest) AS first_date, max(earliest) AS last_date
RETURN o {.id, .name, .type} AS counterpart, size(meetings) AS count, first_date, last_date, meetings
ORDER BY count DESC, last_date DESC, counterpart.name
