// MET summary (graph/store/summaries.py): for each event id, the participants it was last
// counted with (its :MetTally, if any) and the participants it has now: entities that HOSTED
// it or ATTENDED it not implied, when it is held (an entity removed by hand takes no part). `at` is the event's earliest possible day
// (the key /met orders meetings by); a deleted event has none.
UNWIND $ids AS id
OPTIONAL MATCH (t:MetTally {event: id})
OPTIONAL MATCH (ev:Event {id: id})
WITH id, t, CASE WHEN ev.status = 'held' THEN ev END AS ev
RETURN id, t IS NOT NULL AS counted, coalesce(t.ids, []) AS old_ids, t.at AS old_at,
  CASE WHEN ev IS NULL THEN [] ELSE COLLECT {
    MATCH (ev)<-[r:HOSTED|ATTENDED]-(o:Entity)
    WHERE NOT coalesce(r.implied, false) AND NOT o:Removed  // removed by hand: met no one
    RETURN DISTINCT o.id AS oid ORDER BY oid
  } END AS new_ids,
  coalesce(ev.date, CASE WHEN ev.year IS NOT NULL
    THEN date({year: ev.year, month: coalesce(ev.month, 1), day: coalesce(ev.day, 1)}) END) AS new_at
