// Create empty event nodes (a split hands them reports and participants next).
UNWIND $ids AS id
MERGE (:Event {id: id})
