// Record a manual merge (replayed on later loads); merges into the dropped node follow it.
MERGE (r:MergeRecord {from_id: $from_id})
SET r.into_id = $into_id, r.keys = $keys, r.names = $names, r.kind = $kind, r.at = datetime()
WITH r
MATCH (older:MergeRecord {into_id: $from_id})
SET older.into_id = $into_id
