// The graph's version, cheap to read: what every committed write changes. Node and relationship
// counts come from the count store; the newest document load, correction and merge record come
// from their indexes. A load stamps its document (loaded_at), a removal or merge changes the
// counts, a correction stamps itself (at): so two equal answers mean no write in between that
// analytics could see.
RETURN COUNT { MATCH (n) RETURN n } AS nodes,
  COUNT { MATCH ()-[r]->() RETURN r } AS relationships,
  COLLECT { MATCH (d:Document) WHERE d.loaded_at IS NOT NULL
            RETURN d.loaded_at ORDER BY d.loaded_at DESC LIMIT 1 } AS loaded,
  COLLECT { MATCH (c:Correction) RETURN c.at ORDER BY c.at DESC LIMIT 1 } AS corrected,
  COLLECT { MATCH (m:MergeRecord) RETURN m.at ORDER BY m.at DESC LIMIT 1 } AS merged
