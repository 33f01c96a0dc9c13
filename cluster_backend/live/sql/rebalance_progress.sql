-- Per-move progress of a running rebalance: 0 waiting, 1 moving, 2 moved, -1 error.
SELECT sessionid, table_name::text, shardid, shard_size, sourcename, sourceport, targetname, targetport, progress,
       source_shard_size, target_shard_size, operation_type
FROM get_rebalance_progress()
