-- The next values of Citus's catalog sequences (NULL where the role may not read them).
SELECT s.sequencename::text, (CASE WHEN s.last_value IS NULL THEN s.start_value
                                  ELSE s.last_value + s.increment_by END)::int8
FROM pg_catalog.pg_sequences s
WHERE s.schemaname = ANY (current_schemas(true)::text[])
  AND s.sequencename IN ('pg_dist_shardid_seq', 'pg_dist_placement_placementid_seq', 'pg_dist_colocationid_seq',
                         'pg_dist_groupid_seq', 'pg_dist_node_nodeid_seq')
