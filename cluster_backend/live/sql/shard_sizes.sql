-- One call for every shard size in the cluster (a row per placement); the reader keeps the largest per shard.
SELECT shard_id::int8, size::int8
FROM citus_shard_sizes()
