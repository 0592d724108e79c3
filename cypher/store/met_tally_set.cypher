// MET summary: record who each event is now counted with ($rows: event, ids, at); an event
// with fewer than two participants (or gone, or not held) keeps no tally (ids = []).
UNWIND $rows AS row
CALL (row) {
  WITH row WHERE size(row.ids) >= 2
  MERGE (t:MetTally {event: row.event})
  SET t.ids = row.ids, t.at = row.at
  RETURN 1 AS done
  UNION
  WITH row WHERE size(row.ids) < 2
  OPTIONAL MATCH (t:MetTally {event: row.event})
  DELETE t
  RETURN 1 AS done
}
RETURN count(*) AS rows
