// Delete a node by element id, with what is still attached.
MATCH (n) WHERE elementId(n) = $node
DETACH DELETE n
