// Meetings a date range cannot place: no date and no year (the events view counts them on its
// page, as /meetings counts the undated events a range leaves out).
MATCH (e:Event)
WHERE e.date IS NULL AND e.year IS NULL
RETURN count(e) AS undated
