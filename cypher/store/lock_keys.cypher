// Take the write locks of a transaction: one :WriteLock per key, in the order given (sorted by the
// caller, so two writers cannot wait on each other in a cycle). unlock_keys deletes them before
// commit, so they never become visible; a second writer blocks on the first one's MERGE.
UNWIND $keys AS key
MERGE (:WriteLock {key: key})
