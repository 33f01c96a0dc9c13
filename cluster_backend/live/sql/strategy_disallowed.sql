-- A user-defined shard_allowed_on_node_function ({function}): the (shard, node) pairs it refuses (false or
-- NULL), over the shards the rebalancer may move and the nodes that may hold shards.
SELECT s.shardid::text, n.nodeid::text
FROM pg_dist_shard s
JOIN pg_dist_partition p ON p.logicalrelid = s.logicalrelid
CROSS JOIN pg_dist_node n
WHERE (p.partmethod = 'h' OR (p.partmethod = 'n' AND p.repmodel <> 't' AND p.colocationid <> 0))
  AND n.isactive AND n.noderole = 'primary' AND n.shouldhaveshards
  AND ({function}(s.shardid, n.nodeid)) IS NOT TRUE
