// MET summary: the meetings each pair ($pairs: a, b with a < b) has now (the caller holds the
// pair's write lock).
UNWIND $pairs AS p
MATCH (a:Entity {id: p.a})-[m:MET]->(b:Entity {id: p.b})
RETURN p.a AS a, p.b AS b, m.meetings AS meetings
