-- Citus coordinator: the ordinary and partitioned tables that Citus does not know yet (no pg_dist_partition
-- row), with their sizes, as candidates for distribution. Shards placed on the coordinator are hidden from
-- pg_class by Citus (the reader forces citus.override_table_visibility on for its transaction); Citus's own
-- schemas are left out.
SELECT c.oid::oid, n.nspname::text, c.relname::text, pg_catalog.pg_table_size(c.oid)::int8,
       GREATEST(c.reltuples, 0)::int8,
       COALESCE((SELECT h.inhparent FROM pg_catalog.pg_inherits h WHERE h.inhrelid = c.oid AND c.relispartition
                 LIMIT 1), 0)::oid,
       (c.relreplident IN ('f', 'i')
        OR (c.relreplident = 'd' AND EXISTS (SELECT 1 FROM pg_catalog.pg_index i
                                             WHERE i.indrelid = c.oid AND i.indisprimary)))::bool
FROM pg_catalog.pg_class c
JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
WHERE c.relkind IN ('r', 'p')
  AND n.nspname NOT IN ('pg_catalog', 'information_schema', 'citus', 'citus_internal', 'columnar',
                        'columnar_internal')
  AND n.nspname NOT LIKE 'pg\_toast%' AND n.nspname NOT LIKE 'pg\_temp\_%'
  AND NOT EXISTS (SELECT 1 FROM pg_dist_partition p WHERE p.logicalrelid = c.oid)
ORDER BY c.oid
