-- Per-shard progress of running moves and copies (progress 0 waiting, 1 moving, 2 moved, -1 failed); every
-- colocated shard of a moving shard group is a row of its own. status is the phase ("Copying Data", ...).
-- Columns are read by name.
SELECT *
FROM get_rebalance_progress()
