// Overwrite the properties of relationships given by element id.
UNWIND $rows AS row
MATCH ()-[r]->() WHERE elementId(r) = row.rel
SET r = row.props
