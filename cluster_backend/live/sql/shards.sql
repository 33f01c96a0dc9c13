-- pg_dist_shard; hash bounds are int32 as text (NULL for reference/single-shard/local). Read in physical order
-- (no server-side sort of a million rows); the reader sorts by shard id when the order is not already right.
SELECT shardid::int8, logicalrelid::oid, shardminvalue::text, shardmaxvalue::text
FROM pg_dist_shard
