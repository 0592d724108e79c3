// Write an event's derived properties (the whole map). Called only when they changed.
UNWIND $rows AS row
MATCH (ev:Event {id: row.id})
SET ev = row.props
