-- A user-defined shard_cost_function ({function}) on every shard the rebalancer may move: hash-distributed
-- and single-shard tables (reference and Citus local tables are never rebalanced).
SELECT s.shardid::text, ({function}(s.shardid))::float4::text
FROM pg_dist_shard s
JOIN pg_dist_partition p ON p.logicalrelid = s.logicalrelid
WHERE p.partmethod = 'h' OR (p.partmethod = 'n' AND p.repmodel <> 't' AND p.colocationid <> 0)
