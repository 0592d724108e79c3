"""Access to Neo4j: the driver wrapper, named Cypher, the schema, and the local server
(launcher, its configuration and jars)."""
