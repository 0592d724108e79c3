// whomet's constraints and indexes (see README.md in this folder).
// Every statement is idempotent (IF NOT EXISTS): `whomet init` and the API run this file on start.

// Unique keys: every MERGE in the store matches on one of these.
CREATE CONSTRAINT entity_id IF NOT EXISTS FOR (n:Entity) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT event_id IF NOT EXISTS FOR (n:Event) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT document_id IF NOT EXISTS FOR (n:Document) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT quote_id IF NOT EXISTS FOR (n:Quote) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT merge_record_from_id IF NOT EXISTS FOR (n:MergeRecord) REQUIRE n.from_id IS UNIQUE;
CREATE CONSTRAINT correction_id IF NOT EXISTS FOR (n:Correction) REQUIRE n.id IS UNIQUE;

// Name lookup: a range index cannot index the members of a list, a full-text index can
// (it indexes string and list-of-string properties).
CREATE FULLTEXT INDEX entity_names IF NOT EXISTS FOR (n:Entity) ON EACH [n.name, n.aliases];
// Name resolution (cypher/api/entity_by_name.cypher): `lookup` holds an entity's name and aliases
// lower-cased and its normalized names (graph/store/resolve.py, lookup_names). A range index
// cannot seek a list member, so the index is full-text with the `keyword` analyzer: each list
// member is one whole term, and an exact-term query is an index seek instead of a scan of
// every :Entity (and its toLower() of every name and alias).
CREATE FULLTEXT INDEX entity_lookup IF NOT EXISTS FOR (n:Entity) ON EACH [n.lookup]
  OPTIONS {indexConfig: {`fulltext.analyzer`: 'keyword'}};

// The newest load (the graph's version, cypher/api/graph_version.cypher).
CREATE RANGE INDEX document_loaded_at IF NOT EXISTS FOR (n:Document) ON (n.loaded_at);

// Meetings by date range.
CREATE RANGE INDEX event_date IF NOT EXISTS FOR (n:Event) ON (n.date);
// Meetings without a day (precision month, year, day_of_month or unknown): the events view
// (viz/events_ranked) finds them by a seek on their precision instead of a scan of every event.
CREATE RANGE INDEX event_date_precision IF NOT EXISTS FOR (n:Event) ON (n.date_precision);
// Reports by the day of the meeting: event clustering re-groups every report of a day.
CREATE RANGE INDEX reports_date IF NOT EXISTS FOR ()-[r:REPORTS]-() ON (r.date);

// Entity resolution (graph/store/transaction.py, resolve_entities): one :NameKey per resolution key, linked to the entities
// it names; :WriteLock nodes exist only inside a load transaction, to serialize look-up-then-create
// on one key (MERGE under this constraint makes a second writer wait for the first).
CREATE CONSTRAINT name_key_key IF NOT EXISTS FOR (n:NameKey) REQUIRE n.key IS UNIQUE;
CREATE CONSTRAINT write_lock_key IF NOT EXISTS FOR (n:WriteLock) REQUIRE n.key IS UNIQUE;
CREATE RANGE INDEX quote_speaker IF NOT EXISTS FOR (n:Quote) ON (n.speaker_id);

// The MET summary (graph/store/summaries.py): each counted event's :MetTally (who it was counted
// with) is found by the event's id, also after the event itself was deleted. A graph written
// before the summary existed gets it from summaries.backfill, which apply_schema runs.
CREATE CONSTRAINT met_tally_event IF NOT EXISTS FOR (n:MetTally) REQUIRE n.event IS UNIQUE;

// Migration of a graph written before `lookup` existed (the store sets it on every entity it
// refreshes): fill it in once from the stored name, aliases and normalized names. Idempotent:
// only entities without it are written, so on a migrated graph this reads and writes nothing
// but the label scan.
MATCH (e:Entity) WHERE e.lookup IS NULL AND e.name IS NOT NULL
SET e.lookup = COLLECT {
  UNWIND [toLower(e.name)] + [a IN coalesce(e.aliases, []) | toLower(a)] + coalesce(e.norm_names, []) AS k
  WITH DISTINCT k WHERE k <> ''
  RETURN k ORDER BY k
};
