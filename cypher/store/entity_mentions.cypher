// Each entity's mentions, one row per document: the input of a split check.
UNWIND $ids AS id
MATCH (e:Entity {id: id})
RETURN e.id AS id,
  COLLECT {
    MATCH (d:Document)-[m:MENTIONS]->(e)
    RETURN {doc_id: d.id, names: m.names, name: m.name, type: m.type, country: m.country}
  } AS mentions
