// Distinct nodes (a node with two labels counts once in this total).
MATCH (n) RETURN count(n) AS nodes
