-- One call for every shard size in the cluster; with several placements a shard's size is the largest.
SELECT shard_id::int8, max(size)::int8
FROM citus_shard_sizes()
GROUP BY shard_id
