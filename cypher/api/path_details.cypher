// The relationships behind the steps of /paths' shortest routes, by element id (from
// path_neighbours): for a MET ($met) the pair's first $limit meetings (held, both sides not
// implied) with both sides' relationships, in meeting order; for a tie ($ties) the
// relationship itself; and the route's entities ($ids). `documents`: the documents the
// relationships' evidence cites, so the answer needs no further round trip for them.
CALL () {
  UNWIND $met AS rid
  MATCH (a:Entity)-[m:MET]->(b:Entity) WHERE elementId(m) = rid
  UNWIND range(0, size(m.meetings[..$limit]) - 1) AS i
  MATCH (ev:Event {id: substring(m.meetings[i], 11)})
  MATCH (a)-[r1:HOSTED|ATTENDED]->(ev)<-[r2:HOSTED|ATTENDED]-(b)
  WHERE NOT coalesce(r1.implied, false) AND NOT coalesce(r2.implied, false)
  WITH rid, a, b, i, ev, r1, r2 ORDER BY i, type(r1), type(r2)
  RETURN rid AS key, collect({event: ev {.*},
    a: {type: type(r1), start: a.id, end: ev.id, rel: properties(r1)},
    b: {type: type(r2), start: b.id, end: ev.id, rel: properties(r2)}}) AS items,
    reduce(ids = [], x IN collect(coalesce(r1.doc_ids, []) + coalesce(r2.doc_ids, [])) | ids + x)
      AS cited
  UNION ALL
  UNWIND $ties AS rid
  MATCH (a:Entity)-[r]->(b:Entity) WHERE elementId(r) = rid
  RETURN rid AS key, [{type: type(r), start: a.id, end: b.id, rel: properties(r)}] AS items,
    coalesce(r.doc_ids, []) AS cited
  UNION ALL
  UNWIND $ids AS id
  MATCH (e:Entity {id: id}) WHERE NOT e:Removed
  RETURN id AS key, [e {.id, .name, .type}] AS items, [] AS cited
}
RETURN key, items,
  COLLECT { MATCH (d:Document) WHERE d.id IN cited
            RETURN d {.id, .title, .published, .source, .url} } AS documents
