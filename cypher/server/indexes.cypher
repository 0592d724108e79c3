// The indexes present and their state (to check that schema.cypher was applied).
SHOW INDEXES YIELD name, type, labelsOrTypes, properties, state, owningConstraint
RETURN name, type, labelsOrTypes, properties, state, owningConstraint
ORDER BY name
