// Documents, most recently loaded first, with how much was read from each.
MATCH (d:Document)
WITH d ORDER BY d.loaded_at DESC, d.id
WITH collect(d) AS docs
RETURN size(docs) AS total,
  [d IN docs[$offset..($offset + $limit)] | d {
     .id, .title, .published, .source, .author, .url, .path, .content_hash,
     .extractor_version, .loaded_at,
     entities: COUNT { (d)-[:MENTIONS]->(:Entity&!Removed) },
     events: COUNT { (d)-[:REPORTS]->(:Event) }
  }] AS items
