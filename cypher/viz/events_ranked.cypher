// The events view of [$start, $end] (ISO dates), ranked and capped in the database: meetings
// placed in the range and who hosted or attended them, keeping the $limit best connected
// (links within the view; ties by name, then id). Returns each kept node once (`nodes`), the
// links among them with their documents' titles (`links`), and the counts of what was left
// out: a month of thousands of meetings reads what the page draws, not one row per link.
// Starts from index seeks: a meeting with a day by event_date; one known to the month or the
// year, or not at all, by event_date_precision ($vague: every precision but 'day'). One with
// no date and no year cannot be placed: counted ($undated), or kept with $include_undated.
CALL () {
  MATCH (e:Event)
  WHERE e.date >= date($start) AND e.date <= date($end)
  RETURN e, false AS undated
  UNION ALL
  MATCH (e:Event)
  WHERE e.date_precision IN $vague AND e.date IS NULL
  WITH e, CASE WHEN e.year IS NOT NULL
    THEN date({year: e.year, month: coalesce(e.month, 1), day: 1}) END AS lo
  WITH e, lo, CASE
      WHEN lo IS NULL THEN null
      WHEN e.month IS NOT NULL THEN lo + duration({months: 1}) - duration({days: 1})
      ELSE date({year: e.year, month: 12, day: 31})
    END AS hi
  WHERE lo IS NULL OR (lo <= date($end) AND hi >= date($start))
  RETURN e, lo IS NULL AS undated
}
WITH collect(CASE WHEN NOT undated OR $include_undated THEN e END) AS events,
  count(CASE WHEN undated THEN 1 END) AS undated
CALL (events) {
  UNWIND events AS e
  MATCH (:Entity&!Removed)-[r:HOSTED|ATTENDED]->(e)
  RETURN collect(r) AS rels
}
CALL (events, rels) {
  CALL (events, rels) {
    UNWIND events AS n
    RETURN n, 0 AS degree
    UNION ALL
    UNWIND rels AS r
    UNWIND [startNode(r), endNode(r)] AS n
    RETURN n, 1 AS degree
  }
  WITH n, sum(degree) AS degree
  ORDER BY degree DESC, coalesce(n.name, n.kind, ''), n.id
  RETURN collect(n) AS ranked
}
WITH undated, ranked, rels, ranked[..$limit] AS kept
WITH undated, ranked, rels, kept,
  [r IN rels WHERE startNode(r) IN kept AND endNode(r) IN kept] AS shown
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
    .date_precision, .year, .month, .day, labels: labels(n)}] AS left_out,
  undated
