// MET summary: the stored summary of each pair ($pairs: a, b with a < b), after locking it.
UNWIND $pairs AS p
MATCH (a:Entity {id: p.a})-[m:MET]->(b:Entity {id: p.b})
RETURN p.a AS a, p.b AS b, properties(m) AS props
