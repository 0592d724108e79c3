// Take one document's source out of the facts other documents support too: its entry is cut
// from every parallel list. Their single values are re-derived; the facts
// it alone supported are deleted next by doc_drop_facts. Every fact starts at an entity the
// document mentions.
MATCH (:Document {id: $doc_id})-[:MENTIONS]->(:Entity)-[r]->()
WHERE $doc_id IN coalesce(r.doc_ids, []) AND size(r.doc_ids) > 1
WITH DISTINCT r
WITH r, [i IN range(0, size(r.doc_ids) - 1) WHERE r.doc_ids[i] = $doc_id][0] AS i
SET r.doc_ids = r.doc_ids[..i] + r.doc_ids[i + 1..],
    r.sentences = r.sentences[..i] + r.sentences[i + 1..],
    r.starts = r.starts[..i] + r.starts[i + 1..],
    r.ends = r.ends[..i] + r.ends[i + 1..],
    r.roles = CASE WHEN r.roles IS NULL THEN null ELSE r.roles[..i] + r.roles[i + 1..] END,
    r.implied_flags = CASE WHEN r.implied_flags IS NULL THEN null
      ELSE r.implied_flags[..i] + r.implied_flags[i + 1..] END,
    r.titles = CASE WHEN r.titles IS NULL THEN null ELSE r.titles[..i] + r.titles[i + 1..] END,
    r.current_flags = CASE WHEN r.current_flags IS NULL THEN null
      ELSE r.current_flags[..i] + r.current_flags[i + 1..] END,
    r.details = CASE WHEN r.details IS NULL THEN null ELSE r.details[..i] + r.details[i + 1..] END
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
