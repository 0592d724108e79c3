// Single values a fact shows, derived from its per-document lists:
// ATTENDED.role is 'speaker' when any source says so; ATTENDED.implied only when every source
// merely implies presence; REPRESENTS.title is the first title given (in doc_id order) and
// .current is true when any source says so; detail is the first detail given.
UNWIND $rels AS rid
MATCH ()-[r]->() WHERE elementId(r) = rid
SET r.role = CASE WHEN r.roles IS NULL THEN null
      WHEN 'speaker' IN r.roles THEN 'speaker' ELSE 'attendee' END,
    r.implied = CASE WHEN r.implied_flags IS NULL THEN null
      ELSE all(f IN r.implied_flags WHERE f) END,
    r.title = CASE WHEN r.titles IS NULL THEN null ELSE head([t IN r.titles WHERE t <> '']) END,
    r.current = CASE WHEN r.current_flags IS NULL THEN null
      ELSE any(f IN r.current_flags WHERE f) END,
    r.detail = CASE WHEN r.details IS NULL THEN null ELSE head([t IN r.details WHERE t <> '']) END
