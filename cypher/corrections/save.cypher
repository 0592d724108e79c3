// Save one correction (a rename, a split alias, a fact marked wrong) under its id, replacing
// what it held: the store replays it after every load that touches what it names.
MERGE (c:Correction {id: $id})
SET c = $props, c.id = $id, c.at = datetime()
