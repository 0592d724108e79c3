// Stored documents in id order, a page at a time (`whomet reextract`): what the extractor
// reads from each (the text and its metadata) and the version that last read it.
MATCH (d:Document)
WHERE d.id > $after
RETURN d.id AS id, d.text AS text, d.title AS title, d.published AS published,
  d.source AS source, d.author AS author, d.url AS url, d.path AS path,
  d.content_hash AS content_hash, d.boilerplate_starts_at AS boilerplate_starts_at,
  d.extractor_version AS extractor_version
ORDER BY d.id
LIMIT $limit
