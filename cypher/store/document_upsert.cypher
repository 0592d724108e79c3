// Take the write locks on the keys this document touches (sorted by the caller; see lock_keys),
// then create or update its node; $props holds every property (absent ones are removed).
CALL () {
  UNWIND $keys AS key
  MERGE (:WriteLock {key: key})
}
MERGE (d:Document {id: $props.id})
SET d = $props
