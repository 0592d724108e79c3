// Add one document's source to facts whose target is an :Event: MERGE the relationship (type from
// the store's allow-list), then insert the document's entry into the parallel lists, kept sorted
// by doc_id so the result does not depend on load order. Lists present only for some types:
// roles/implied_flags (ATTENDED), titles/current_flags (REPRESENTS), details (BRIEFED,
// REQUESTED, AGREED_WITH). The single values shown are derived at the end.
UNWIND $rows AS row
MATCH (a:Entity {id: row.source})
MATCH (b:Event {id: row.target})
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
WITH r
// Derived single values: the same rules as facts_derive.cypher.
SET r.role = CASE WHEN r.roles IS NULL THEN null
      WHEN 'speaker' IN r.roles THEN 'speaker' ELSE 'attendee' END,
    r.implied = CASE WHEN r.implied_flags IS NULL THEN null
      ELSE all(f IN r.implied_flags WHERE f) END,
    r.title = CASE WHEN r.titles IS NULL THEN null ELSE head([t IN r.titles WHERE t <> '']) END,
    r.current = CASE WHEN r.current_flags IS NULL THEN null
      ELSE any(f IN r.current_flags WHERE f) END,
    r.detail = CASE WHEN r.details IS NULL THEN null ELSE head([t IN r.details WHERE t <> '']) END
RETURN count(r) AS facts
