// Create or overwrite relationships from node $node (by element id) with the given properties.
MATCH (n) WHERE elementId(n) = $node
UNWIND $rows AS row
MATCH (o) WHERE elementId(o) = row.other
MERGE (n)-[r:$(row.type)]->(o)
SET r = row.props
