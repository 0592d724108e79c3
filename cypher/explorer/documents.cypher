// Documents, newest published first, filtered: $since/$until on the publication date
// (documents without one are kept only with $include_undated, and counted when left out),
// $source (case-insensitive), $entity_id (mentioned); one page.
MATCH (d:Document)
WHERE ($source IS NULL OR toLower(d.source) = toLower($source))
  AND ($entity_id IS NULL OR EXISTS { (d)-[:MENTIONS]->(:Entity {id: $entity_id}) })
WITH d, ($since IS NOT NULL OR $until IS NOT NULL) AS ranged
WITH d, ranged,
  CASE WHEN d.published IS NULL THEN ranged AND NOT $include_undated
       ELSE ($since IS NOT NULL AND d.published < $since)
         OR ($until IS NOT NULL AND d.published > $until) END AS out,
  d.published IS NULL AS undated
WITH collect(CASE WHEN NOT out THEN d END) AS kept,
     count(CASE WHEN out AND undated THEN 1 END) AS undated_left_out
UNWIND (CASE WHEN kept = [] THEN [null] ELSE kept END) AS d
WITH d, undated_left_out ORDER BY d.published IS NULL, d.published DESC, d.id
WITH collect(d) AS docs, undated_left_out
RETURN size(docs) AS total, undated_left_out,
  [d IN docs[$offset..($offset + $limit)] | d {
     .id, .title, .published, .source, .author, .url, .loaded_at,
     entities: COUNT { (d)-[:MENTIONS]->(:Entity&!Removed) },
     events: COUNT { (d)-[:REPORTS]->(:Event) }
  }] AS items
