-- pg_dist_shard in shard id order; hash bounds are int32 as text (NULL for reference/single-shard/local).
SELECT shardid::int8, logicalrelid::oid, shardminvalue::text, shardmaxvalue::text
FROM pg_dist_shard
ORDER BY shardid
