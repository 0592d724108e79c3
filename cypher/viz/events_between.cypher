// Meetings whose date falls in [$start, $end] (ISO dates), with who hosted or attended them.
// A meeting known only to the month or the year counts when that period overlaps the range;
// one with no date and no year cannot be placed: kept only with $include_undated (else
// events_undated counts it for the page).
MATCH (e:Event)
WITH e,
  CASE
    WHEN e.date IS NOT NULL THEN e.date
    WHEN e.year IS NOT NULL THEN date({year: e.year, month: coalesce(e.month, 1), day: 1})
  END AS lo
WITH e, lo,
  CASE
    WHEN lo IS NULL THEN null
    WHEN e.date IS NOT NULL THEN e.date
    WHEN e.month IS NOT NULL THEN lo + duration({months: 1}) - duration({days: 1})
    ELSE date({year: e.year, month: 12, day: 31})
  END AS hi
WHERE (lo <= date($end) AND hi >= date($start)) OR (lo IS NULL AND $include_undated)
WITH e
ORDER BY e.id
LIMIT $max_rows
CALL (e) {
  RETURN e AS a, null AS r, null AS b
  UNION ALL
  MATCH (p:Entity&!Removed)-[r:HOSTED|ATTENDED]->(e)
  RETURN p AS a, r, e AS b
}
RETURN
  a {.*, date: toString(a.date), labels: labels(a)} AS source,
  CASE WHEN r IS NULL THEN null ELSE r {.*, type: type(r)} END AS rel,
  CASE WHEN b IS NULL THEN null ELSE b {.*, date: toString(b.date), labels: labels(b)} END AS target
