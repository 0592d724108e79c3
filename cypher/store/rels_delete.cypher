// Delete relationships given by element id.
UNWIND $rels AS rid
MATCH ()-[r]->() WHERE elementId(r) = rid
DELETE r
