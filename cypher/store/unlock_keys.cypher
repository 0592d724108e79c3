// Release the locks taken by lock_keys (effective at commit).
UNWIND $keys AS key
MATCH (l:WriteLock {key: key})
DELETE l
