// The stored reports a group's new meetings can join (graph/store/group.py): every report of
// each event of the meeting's day that already holds two or more of the meeting's participants
// (HOSTED|ATTENDED), with who its document says took part. Two reports are one meeting only if
// they share two participants (resolve.same_event), and a stored event holds exactly the
// reports linked to each other (events are re-clustered per day on every change), so the
// other events of the day cannot change and are not read: a busy day (thousands of reports)
// costs what the participants' events cost, not what the day holds. event_set keeps ev.date
// equal to the day of its reports. Same columns as event_day_reports.
UNWIND $meetings AS m
UNWIND m.participants AS pid
MATCH (:Entity {id: pid})-[:HOSTED|ATTENDED]->(ev:Event)
WHERE ev.date = m.date
WITH m, ev, count(DISTINCT pid) AS shared
WHERE shared >= 2
WITH DISTINCT m.date AS day, ev
MATCH (d:Document)-[rp:REPORTS]->(ev)
WHERE rp.date = day
RETURN d.id AS doc_id, rp.meeting_key AS meeting_key, rp.date AS date, ev.id AS event,
  COLLECT {
    MATCH (p:Entity)-[r:HOSTED|ATTENDED]->(ev)
    WHERE d.id IN r.doc_ids
    RETURN DISTINCT p.id
  } AS participants
ORDER BY doc_id, event
