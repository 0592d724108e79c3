// Forget corrections by id (an undone mark, a split merged back).
UNWIND $ids AS cid
MATCH (c:Correction {id: cid})
DELETE c
