-- Active placements (shardstate 1 is the only state Citus still uses), in physical order; the reader sorts
-- by placement id when needed.
SELECT placementid::int8, shardid::int8, groupid::int4
FROM pg_dist_placement
WHERE shardstate = 1
