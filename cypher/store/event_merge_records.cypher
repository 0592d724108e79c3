// Manual merges of events in which one of $ids was dropped or kept: reports of both events
// are re-grouped into the kept one on later loads.
MATCH (r:MergeRecord)
WHERE r.kind = 'event' AND (r.from_id IN $ids OR r.into_id IN $ids)
RETURN r.from_id AS from_id, r.into_id AS into_id
