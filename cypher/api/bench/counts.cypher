// Benchmark graph: how big it came out (the MET summary and its tallies counted apart).
RETURN COUNT { MATCH (n) WHERE NOT n:MetTally RETURN n } AS nodes,
  COUNT { MATCH ()-[r]->() WHERE NOT r:MET RETURN r } AS relationships,
  COUNT { MATCH ()-[r:MET]->() RETURN r } AS met
