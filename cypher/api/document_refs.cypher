// Short references for the documents named in evidence lists.
MATCH (d:Document) WHERE d.id IN $ids
RETURN d {.id, .title, .published, .source, .url} AS document
