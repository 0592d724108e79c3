// Create or overwrite relationships into node $node (by element id) with the given properties.
MATCH (n) WHERE elementId(n) = $node
UNWIND $rows AS row
MATCH (o) WHERE elementId(o) = row.other
MERGE (o)-[r:$(row.type)]->(n)
SET r = row.props
