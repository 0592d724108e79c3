// The relationships behind the steps of /paths' shortest routes: for each MET step ($met: a,
// b) the pair's meetings (held, both sides not implied) with both relationships, in meeting
// order (the first $limit); for each tie ($ties: a, b) the REPRESENTS/PART_OF/OPERATES relationships between them.
CALL () {
  UNWIND $met AS step
  MATCH (a:Entity {id: step.a})-[m:MET]-(b:Entity {id: step.b})
  UNWIND range(0, size(m.meetings[..$limit]) - 1) AS i
  MATCH (ev:Event {id: substring(m.meetings[i], 11)})
  MATCH (a)-[r1:HOSTED|ATTENDED]->(ev)<-[r2:HOSTED|ATTENDED]-(b)
  WHERE NOT coalesce(r1.implied, false) AND NOT coalesce(r2.implied, false)
  WITH step, i, ev, r1, r2 ORDER BY i, type(r1), type(r2)
  RETURN step.a AS a, step.b AS b, 'event' AS via, collect({
    event: ev {.*},
    first: {type: type(r1), start: step.a, end: ev.id, rel: properties(r1)},
    second: {type: type(r2), start: step.b, end: ev.id, rel: properties(r2)}}) AS items
  UNION ALL
  UNWIND $ties AS step
  MATCH (a:Entity {id: step.a})-[r:REPRESENTS|PART_OF|OPERATES]-(b:Entity {id: step.b})
  WITH step, r, startNode(r) = a AS forward ORDER BY type(r), forward DESC
  RETURN step.a AS a, step.b AS b, 'tie' AS via, collect({
    type: type(r), start: CASE WHEN forward THEN step.a ELSE step.b END,
    end: CASE WHEN forward THEN step.b ELSE step.a END, rel: properties(r)}) AS items
}
RETURN a, b, via, items
UNION ALL
UNWIND $ids AS id
MATCH (e:Entity {id: id})
RETURN id AS a, null AS b, 'entity' AS via, [e {.id, .name, .type}] AS items
