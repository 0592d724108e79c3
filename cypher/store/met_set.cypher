// MET summary: write each pair's summary ($rows: a, b with a < b, props: count, first_date,
// last_date, first_id, last_id, meetings), or delete it when the pair no longer met (props null).
UNWIND $rows AS row
MATCH (a:Entity {id: row.a}), (b:Entity {id: row.b})
CALL (a, b, row) {
  WITH a, b, row WHERE row.props IS NOT NULL
  MERGE (a)-[m:MET]->(b)
  SET m = row.props
  RETURN 1 AS done
  UNION
  WITH a, b, row WHERE row.props IS NULL
  OPTIONAL MATCH (a)-[m:MET]->(b)
  DELETE m
  RETURN 1 AS done
}
RETURN count(*) AS rows
