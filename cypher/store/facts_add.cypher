// Add one document's source to facts: MERGE the relationship (type from the store's allow-list),
// then insert the document's entry into the parallel lists kept sorted by doc_id, so the result
// does not depend on the order documents were loaded in. Lists present only for some types:
// roles/implied_flags (ATTENDED), titles/current_flags (REPRESENTS), details (BRIEFED,
// REQUESTED, AGREED_WITH). Derived single values are set by facts_derive.
UNWIND $rows AS row
CALL (row) {
  MATCH (b:Entity {id: row.target}) WHERE row.target_kind = 'entity' RETURN b
  UNION
  MATCH (b:Event {id: row.target}) WHERE row.target_kind = 'event' RETURN b
  UNION
  MATCH (b:Quote {id: row.target}) WHERE row.target_kind = 'quote' RETURN b
}
MATCH (a:Entity {id: row.source})
MERGE (a)-[r:$(row.type)]->(b)
WITH r, row, coalesce(r.doc_ids, []) AS docs
WHERE NOT row.doc_id IN docs
WITH r, row, docs, size([x IN docs WHERE x < row.doc_id]) AS i
SET r.doc_ids = docs[..i] + [row.doc_id] + docs[i..],
    r.sentences = coalesce(r.sentences, [])[..i] + [row.sentence] + coalesce(r.sentences, [])[i..],
    r.starts = coalesce(r.starts, [])[..i] + [row.start] + coalesce(r.starts, [])[i..],
    r.ends = coalesce(r.ends, [])[..i] + [row.end] + coalesce(r.ends, [])[i..],
    r.roles = CASE WHEN row.role IS NULL THEN r.roles
      ELSE coalesce(r.roles, [])[..i] + [row.role] + coalesce(r.roles, [])[i..] END,
    r.implied_flags = CASE WHEN row.implied IS NULL THEN r.implied_flags
      ELSE coalesce(r.implied_flags, [])[..i] + [row.implied] + coalesce(r.implied_flags, [])[i..] END,
    r.titles = CASE WHEN row.title IS NULL THEN r.titles
      ELSE coalesce(r.titles, [])[..i] + [row.title] + coalesce(r.titles, [])[i..] END,
    r.current_flags = CASE WHEN row.current IS NULL THEN r.current_flags
      ELSE coalesce(r.current_flags, [])[..i] + [row.current] + coalesce(r.current_flags, [])[i..] END,
    r.details = CASE WHEN row.detail IS NULL THEN r.details
      ELSE coalesce(r.details, [])[..i] + [row.detail] + coalesce(r.details, [])[i..] END
RETURN elementId(r) AS rel
