// Mark entities removed by hand ($removed true: the :Removed label, which every read skips;
// the node and its facts stay, so removing is undone by taking the label away) or take the
// mark away ($removed false). Returns only the entities whose mark changed.
UNWIND $ids AS id
MATCH (e:Entity {id: id})
WHERE (e:Removed) <> $removed
FOREACH (_ IN CASE WHEN $removed THEN [1] ELSE [] END | SET e:Removed)
FOREACH (_ IN CASE WHEN $removed THEN [] ELSE [1] END | REMOVE e:Removed)
RETURN e.id AS id
