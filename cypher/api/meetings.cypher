// Events, newest first, with their participants and roles; optional filters:
// $entity_id (took part), $kind (case-insensitive), $status, $since/$until (see entity_met);
// undated events come last, and with a range only when $include_undated.
MATCH (ev:Event)
WHERE ($entity_id IS NULL OR EXISTS { (:Entity {id: $entity_id})-[:HOSTED|ATTENDED]->(ev) })
  AND ($kind IS NULL OR toLower(ev.kind) = toLower($kind))
  AND ($status IS NULL OR ev.status = $status)
WITH ev,
  coalesce(ev.date, CASE WHEN ev.year IS NOT NULL
    THEN date({year: ev.year, month: coalesce(ev.month, 1), day: coalesce(ev.day, 1)}) END) AS earliest,
  coalesce(ev.date, CASE
    WHEN ev.year IS NOT NULL AND ev.month IS NOT NULL AND ev.day IS NOT NULL
      THEN date({year: ev.year, month: ev.month, day: ev.day})
    WHEN ev.year IS NOT NULL AND ev.month IS NOT NULL
      THEN date({year: ev.year, month: ev.month, day: 1}) + duration({months: 1}) - duration({days: 1})
    WHEN ev.year IS NOT NULL
      THEN date({year: ev.year, month: 12, day: 31}) END) AS latest
WITH ev, earliest, ($since IS NOT NULL OR $until IS NOT NULL) AS ranged,
  ($since IS NULL OR latest >= $since) AND ($until IS NULL OR earliest <= $until) AS in_range
// An undated event cannot be placed in a range: kept with $include_undated, else counted.
WITH ev, earliest, in_range OR (earliest IS NULL AND (NOT ranged OR $include_undated)) AS kept,
  earliest IS NULL AND ranged AND NOT $include_undated AS undated_out
ORDER BY earliest IS NULL, earliest DESC, ev.id
WITH collect(CASE WHEN kept THEN ev END) AS events, count(CASE WHEN undated_out THEN 1 END) AS undated_left_out
RETURN size(events) AS total, undated_left_out,
  [ev IN events[$offset..($offset + $limit)] | {
     event: ev {.*},
     participants: [(p:Entity&!Removed)-[r:HOSTED|ATTENDED]->(ev) |
                    {entity: p {.id, .name, .type}, type: type(r), rel: properties(r)}],
     reports: [(d:Document)-[rp:REPORTS]->(ev) | rp {.*, doc_id: d.id}]
  }] AS items
