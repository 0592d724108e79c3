// An entity's affiliations: whom X represents (with title), what X is part of or operates,
// and who represents X or is part of it; each with the documents and sentences that say so.
// Run in Neo4j Browser (http://127.0.0.1:7474/browser/):
//   :param name => 'Sasha Baker'
// then run this query. X is matched by name, alias or normalized name.
MATCH (x:Entity&!Removed)
WHERE toLower(x.name) = toLower($name)
   OR $name IN coalesce(x.aliases, [])
   OR toLower($name) IN coalesce(x.norm_names, [])
MATCH (x)-[r:REPRESENTS|PART_OF|OPERATES]-(other:Entity&!Removed)
RETURN x.name AS x,
       CASE WHEN startNode(r) = x THEN type(r) ELSE '<-' + type(r) END AS relation,
       other.name AS other,
       other.type AS other_type,
       r.title AS title,
       r.current AS current,
       [i IN range(0, size(r.doc_ids) - 1) | r.doc_ids[i] + ': ' + r.sentences[i]] AS evidence
ORDER BY relation, other
