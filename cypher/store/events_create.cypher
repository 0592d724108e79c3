// Create event nodes; their properties are derived from the REPORTS relationships (event_set).
UNWIND $rows AS row
MERGE (ev:Event {id: row.id})
ON CREATE SET ev.kind = row.kind
