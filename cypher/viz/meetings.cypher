// Who took part in which held meeting: the rows the who-met-whom projection is built from.
// A participant hosted the event or attended it in person (not merely implied).
MATCH (p:Entity&!Removed)-[r:HOSTED|ATTENDED]->(e:Event)
WHERE e.status = 'held' AND coalesce(r.implied, false) = false
WITH p, r, e
ORDER BY e.id, p.id
LIMIT $max_rows
RETURN
  p {.*, date: toString(p.date), labels: labels(p)} AS source,
  r {.*, type: type(r)} AS rel,
  e {.*, date: toString(e.date), labels: labels(e)} AS target
