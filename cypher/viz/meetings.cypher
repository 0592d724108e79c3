// Who took part in which held meeting: the rows the who-met-whom projection is built from.
// A participant hosted the event or attended it in person (not merely implied).
MATCH (p:Entity)-[r:HOSTED|ATTENDED]->(e:Event)
WHERE e.status = 'held' AND coalesce(r.implied, false) = false
WITH p, r, e
ORDER BY e.id, p.id
LIMIT $max_rows
RETURN
  p {.id, .name, .type, .kind, .description, .status, .location, .country, .aliases,
     .date_text, .date_precision, .year, .month, .day, date: toString(p.date), labels: labels(p)} AS source,
  r {type: type(r), .role, .implied, .title, .detail, .current,
     evidence: [i IN range(0, size(coalesce(r.doc_ids, [])) - 1) |
                {doc_id: r.doc_ids[i], sentence: r.sentences[i]}]} AS rel,
  e {.id, .name, .type, .kind, .description, .status, .location, .country, .aliases,
     .date_text, .date_precision, .year, .month, .day, date: toString(e.date), labels: labels(e)} AS target
