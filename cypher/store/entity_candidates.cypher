// Entities reachable from resolution keys, with what the resolver needs to judge them
// (the mention count reads the degree store: no label on the far end, so no expansion), and
// the forms the node counts (tally_forms): a group may let two documents name a node whose
// forms their mentions do not change (graph/store/sharing.py).
UNWIND $keys AS key
MATCH (:NameKey {key: key})-[:KEY_OF]->(e:Entity)
RETURN key, e.id AS id, e.type AS type, e.country AS country,
  COUNT { (e)<-[:MENTIONS]-() } AS mentions, e.tally_forms AS forms
