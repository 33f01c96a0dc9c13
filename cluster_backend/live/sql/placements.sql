-- Active placements (shardstate 1 is the only state Citus still uses) in placement id order.
SELECT placementid::int8, shardid::int8, groupid::int4
FROM pg_dist_placement
WHERE shardstate = 1
ORDER BY placementid
