// Quotes of a merged-away speaker now belong to the node it was merged into.
MATCH (q:Quote {speaker_id: $from_id})
SET q.speaker_id = $into_id
