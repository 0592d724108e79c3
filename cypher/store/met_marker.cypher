// MET summary backfill: whether the summary was built for this graph (a :MetTally with the
// empty event id marks it); $set = true records that it was.
OPTIONAL MATCH (done:MetTally {event: ''})
WITH done
CALL (done) {
  WITH done WHERE $set AND done IS NULL
  CREATE (:MetTally {event: '', ids: []})
}
RETURN done IS NOT NULL AS built
