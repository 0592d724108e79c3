// Whom did X meet: everyone who shared a held event with X (X and they HOSTED it or attended it
// in person), per event, with the evidence sentence of each side.
// Run in Neo4j Browser (http://127.0.0.1:7474/browser/):
//   :param name => 'MSIT'
// then run this query. X is matched by name, alias or normalized name.
// From the terminal: whomet query "$(cat cypher/queries/whom_did_x_meet.cypher)" -p name=MSIT
MATCH (x:Entity&!Removed)
WHERE toLower(x.name) = toLower($name)
   OR $name IN coalesce(x.aliases, [])
   OR toLower($name) IN coalesce(x.norm_names, [])
MATCH (x)-[rx:HOSTED|ATTENDED]->(ev:Event {status: 'held'})<-[ro:HOSTED|ATTENDED]-(other:Entity&!Removed)
WHERE other <> x
  AND NOT coalesce(rx.implied, false)
  AND NOT coalesce(ro.implied, false)
RETURN x.name AS x,
       other.name AS met,
       other.type AS type,
       ev.kind AS event,
       coalesce(toString(ev.date), ev.date_text) AS date,
       CASE type(ro) WHEN 'HOSTED' THEN 'host' ELSE ro.role END AS their_part,
       [i IN range(0, size(ro.doc_ids) - 1) | ro.doc_ids[i] + ': ' + ro.sentences[i]] AS evidence
ORDER BY date, met
