// Create or update a document node; $props holds every property (absent ones are removed).
MERGE (d:Document {id: $props.id})
SET d = $props
