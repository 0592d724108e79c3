// Every correction, newest first (for `whomet corrections` and GET /corrections).
MATCH (c:Correction)
RETURN properties(c) AS c
ORDER BY c.at DESC, c.id
