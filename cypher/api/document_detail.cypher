// One document: metadata, text, and every fact whose evidence names it (entities removed by
// hand, :Removed, are left out: their mentions, their part in meetings, their facts).
MATCH (d:Document {id: $id})
RETURN d {.*,
          entities: COUNT { (d)-[:MENTIONS]->(:Entity&!Removed) },
          events: COUNT { (d)-[:REPORTS]->(:Event) }} AS document,
  COLLECT {
    MATCH (d)-[m:MENTIONS]->(e:Entity&!Removed)
    RETURN {entity: e {.id, .name, .type}, names: m.names} AS m ORDER BY m.entity.name
  } AS mentions,
  COLLECT {
    MATCH (d)-[rp:REPORTS]->(ev:Event)
    RETURN {event: ev {.*}, reports: [rp {.*, doc_id: d.id}],
            participants: [(p:Entity&!Removed)-[r:HOSTED|ATTENDED]->(ev) WHERE $id IN r.doc_ids |
                           {entity: p {.id, .name, .type}, type: type(r), rel: properties(r)}]} AS x
    ORDER BY x.event.date, x.event.id
  } AS meetings,
  COLLECT {
    MATCH (d)-[:MENTIONS]->(a:Entity&!Removed)-[r:REPRESENTS|PART_OF|OPERATES|BRIEFED|REQUESTED|AGREED_WITH]->(b:Entity&!Removed)
    WHERE $id IN r.doc_ids
    RETURN {type: type(r), source: a {.id, .name, .type}, target: b {.id, .name, .type},
            rel: properties(r)}
  } AS relations,
  COLLECT {
    MATCH (q:Quote)-[:QUOTED_IN]->(d)
    MATCH (s:Entity&!Removed)-[:SAID]->(q)  // a quote whose speaker was marked wrong (or removed) is not shown
    RETURN {id: q.id, text: q.text, speaker: s {.id, .name, .type}}
  } AS quotes
