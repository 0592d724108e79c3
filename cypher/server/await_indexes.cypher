// Block until every index is online, so a query right after `whomet init` can use them.
CALL db.awaitIndexes($timeout_s)
