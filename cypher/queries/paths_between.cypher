// How two entities are connected: the shortest paths through events they took part in and
// through affiliations (REPRESENTS, PART_OF, OPERATES). Browser draws the paths as a graph.
// Run in Neo4j Browser (http://127.0.0.1:7474/browser/):
//   :param from => 'Sasha Baker'
//   :param to => 'Choi Woo-hyuk'
// then run this query. Both are matched by name, alias or normalized name.
MATCH (a:Entity&!Removed), (b:Entity&!Removed)
WHERE (toLower(a.name) = toLower($from) OR $from IN coalesce(a.aliases, [])
       OR toLower($from) IN coalesce(a.norm_names, []))
  AND (toLower(b.name) = toLower($to) OR $to IN coalesce(b.aliases, [])
       OR toLower($to) IN coalesce(b.norm_names, []))
  AND a <> b
MATCH p = allShortestPaths((a)-[:HOSTED|ATTENDED|REPRESENTS|PART_OF|OPERATES*..8]-(b))
WHERE none(n IN nodes(p) WHERE n:Removed)
RETURN p
LIMIT 25
