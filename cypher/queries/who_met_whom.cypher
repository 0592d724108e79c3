// Who met whom: every pair of entities that both HOSTED or (non-implied) ATTENDED the same held
// event, with the event, its date, each side's part and the sentences that say so.
// Run in Neo4j Browser (http://127.0.0.1:7474/browser/): no parameters needed, paste and run.
// From the terminal: whomet query "$(cat cypher/queries/who_met_whom.cypher)"
MATCH (a:Entity&!Removed)-[ra:HOSTED|ATTENDED]->(ev:Event {status: 'held'})<-[rb:HOSTED|ATTENDED]-(b:Entity&!Removed)
WHERE a.id < b.id
  AND NOT coalesce(ra.implied, false)
  AND NOT coalesce(rb.implied, false)
RETURN a.name AS who,
       b.name AS met,
       ev.kind AS event,
       coalesce(toString(ev.date), ev.date_text) AS date,
       CASE type(ra) WHEN 'HOSTED' THEN 'host' ELSE ra.role END AS who_as,
       CASE type(rb) WHEN 'HOSTED' THEN 'host' ELSE rb.role END AS met_as,
       ev.doc_ids AS documents,
       [i IN range(0, size(ra.doc_ids) - 1) | ra.doc_ids[i] + ': ' + ra.sentences[i]] AS evidence
ORDER BY date, who, met
