// Manual merges whose recorded keys meet $keys, or whose dropped id is in $ids:
// a document loaded again resolves to the merged node instead of splitting it.
MATCH (r:MergeRecord)
WHERE r.from_id IN $ids OR any(k IN coalesce(r.keys, []) WHERE k IN $keys)
RETURN r.from_id AS from_id, r.into_id AS into_id, coalesce(r.keys, []) AS keys
