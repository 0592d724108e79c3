// Profile of one entity: affiliations, events with roles (or held under its name), direct
// relations, quotes, documents. Entities removed by hand (:Removed) are left out of each.
// Relationship properties come back whole; the API zips their parallel evidence lists.
MATCH (e:Entity {id: $id}) WHERE NOT e:Removed
RETURN e {.*} AS entity,
  COLLECT {
    MATCH (e)-[r:REPRESENTS]->(o:Entity&!Removed)
    RETURN {direction: 'out', type: 'REPRESENTS', other: o {.id, .name, .type}, rel: properties(r)} AS x
    UNION
    MATCH (e)<-[r:REPRESENTS]-(o:Entity&!Removed)
    RETURN {direction: 'in', type: 'REPRESENTS', other: o {.id, .name, .type}, rel: properties(r)} AS x
    UNION
    MATCH (e)-[r:PART_OF|OPERATES]->(o:Entity&!Removed)
    RETURN {direction: 'out', type: type(r), other: o {.id, .name, .type}, rel: properties(r)} AS x
    UNION
    MATCH (e)<-[r:PART_OF|OPERATES]-(o:Entity&!Removed)
    RETURN {direction: 'in', type: type(r), other: o {.id, .name, .type}, rel: properties(r)} AS x
  } AS affiliations,
  COLLECT {
    MATCH (e)-[r:BRIEFED|REQUESTED|AGREED_WITH]->(o:Entity&!Removed)
    RETURN {direction: 'out', type: type(r), other: o {.id, .name, .type}, rel: properties(r)} AS x
    UNION
    MATCH (e)<-[r:BRIEFED|REQUESTED|AGREED_WITH]-(o:Entity&!Removed)
    RETURN {direction: 'in', type: type(r), other: o {.id, .name, .type}, rel: properties(r)} AS x
  } AS relations,
  COLLECT {
    MATCH (e)-[r:HOSTED|ATTENDED]->(ev:Event)
    RETURN {event: ev {.*}, type: type(r), rel: properties(r)} AS p
    ORDER BY p.event.date, p.event.year, p.event.month, p.event.day, p.event.id
  } AS events,
  // A named event (a summit that is also an entity) takes part in nothing: its events are
  // the meetings held under its name, those a document reports by a name it mentions as
  // this entity (as viz/event_names and explorer/entity_meetings read them), each with the
  // reports that name it.
  COLLECT {
    MATCH (e:EventName)<-[m:MENTIONS]-(d:Document)-[rp:REPORTS]->(ev:Event)
    WHERE rp.name IN coalesce(m.names, []) + [m.name]
    WITH ev, collect(rp {.*, doc_id: d.id}) AS reports
    RETURN {event: ev {.*}, reports: reports} AS n
    ORDER BY n.event.date, n.event.year, n.event.month, n.event.day, n.event.id
  } AS named,
  COLLECT {
    MATCH (e)-[:SAID]->(q:Quote)
    RETURN {id: q.id, text: q.text, doc_ids: [(q)-[:QUOTED_IN]->(d:Document) | d.id]} AS x
  } AS quotes,
  COLLECT {
    MATCH (d:Document)-[m:MENTIONS]->(e)
    RETURN {document: d {.id, .title, .published, .source, .url}, names: m.names} AS m
    ORDER BY m.document.published DESC, m.document.id
  } AS documents,
  COUNT {
    MATCH (e)-[r1:HOSTED|ATTENDED]->(ev:Event {status: 'held'})<-[r2:HOSTED|ATTENDED]-(o:Entity&!Removed)
    WHERE o <> e AND NOT coalesce(r1.implied, false) AND NOT coalesce(r2.implied, false)
    RETURN DISTINCT o
  } AS met
