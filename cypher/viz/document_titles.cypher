// Titles of the documents named by $ids, for the evidence lines of tooltips.
UNWIND $ids AS id
MATCH (d:Document {id: id})
RETURN d.id AS id, d.title AS title
