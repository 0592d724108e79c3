// A capped ego view ranked in the database: of the nodes named by $ids (what the walk read),
// the $pinned ones (the centre, and the meetings a named event names) first, then the best
// connected (links among $ids; ties by name, then id), $limit in all. Returns each kept node
// once (`nodes`), the links among them with their documents' titles (`links`), and the counts
// of what was left out. Each link is read once: the centre's relationships are never expanded
// (a busy entity has thousands), its links are found from their other end; every other link
// from its lower-elementId end.
UNWIND $ids AS id
CALL (id) {
  MATCH (n:Entity {id: id}) WHERE NOT n:Removed RETURN n
  UNION
  MATCH (n:Event {id: id}) RETURN n
}
WITH collect(n) AS nodes
WITH nodes, [n IN nodes WHERE n.id = $center] AS centre
CALL (nodes, centre) {
  UNWIND nodes AS n
  WITH n WHERE NOT n IN centre
  MATCH (n)-[r:HOSTED|ATTENDED|REPRESENTS|PART_OF|OPERATES|BRIEFED|REQUESTED|AGREED_WITH]-(m)
  WHERE m IN nodes AND (m IN centre OR elementId(n) < elementId(m))
  RETURN collect(r) AS rels
}
CALL (nodes, rels) {
  CALL (nodes, rels) {
    UNWIND nodes AS n
    RETURN n, 0 AS degree
    UNION ALL
    UNWIND rels AS r
    UNWIND [startNode(r), endNode(r)] AS n
    RETURN n, 1 AS degree
  }
  WITH n, sum(degree) AS degree
  ORDER BY CASE WHEN n.id IN $pinned THEN 0 ELSE 1 END, degree DESC,
    coalesce(n.name, n.kind, ''), n.id
  RETURN collect(n) AS ranked
}
WITH ranked, rels, ranked[..$limit] AS kept
WITH ranked, rels, kept, [r IN rels WHERE startNode(r) IN kept AND endNode(r) IN kept] AS shown
RETURN
  [n IN kept | n {.id, .name, .type, .kind, .description, .status, .location, .country,
    .aliases, date: toString(n.date), .date_text, .date_precision, .year, .month, .day,
    labels: labels(n)}] AS nodes,
  // Only what the view draws: no lookup keys, no evidence offsets.
  [r IN shown | r {.role, .implied, .title, .detail, .current, .doc_ids, .sentences,
    type: type(r), source: startNode(r).id, target: endNode(r).id,
    doc_titles: COLLECT {
      UNWIND coalesce(r.doc_ids, []) AS doc_id
      MATCH (d:Document {id: doc_id})
      RETURN [doc_id, d.title]
    }
  }] AS links,
  size(ranked) AS total_nodes, size(rels) AS total_links,
  size(ranked) - size(kept) AS left_out_nodes, size(rels) - size(shown) AS left_out_links,
  [n IN ranked[$limit..$limit + $examples] | n {.id, .name, .type, .kind, .description,
    .status, .location, .country, .aliases, date: toString(n.date), .date_text,
    .date_precision, .year, .month, .day, labels: labels(n)}] AS left_out
