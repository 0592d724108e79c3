// How many documents the graph holds (the length of `whomet reextract`'s progress bar).
MATCH (d:Document)
RETURN count(d) AS documents
