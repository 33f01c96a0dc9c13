-- pg_dist_partition in its physical order (the order the rebalancer sees), with the names users see.
-- The distribution column is decoded from partkey (a Var node: :varattno and :vartype) and pg_attribute,
-- which works on every PostgreSQL version Citus supports.
WITH p AS MATERIALIZED (
    SELECT logicalrelid::oid AS relid, partmethod::text AS method, partkey, colocationid, repmodel::text AS repmodel,
           row_number() OVER () AS ord
    FROM pg_dist_partition
)
SELECT c.oid::oid, n.nspname::text, c.relname::text, p.method, p.colocationid::int4, p.repmodel,
       a.attname::text, substring(p.partkey FROM ':vartype ([0-9]+)')::oid,
       (c.relreplident IN ('f', 'i')
        OR (c.relreplident = 'd' AND EXISTS (SELECT 1 FROM pg_catalog.pg_index i
                                             WHERE i.indrelid = c.oid AND i.indisprimary)))::bool,
       COALESCE((SELECT h.inhparent FROM pg_catalog.pg_inherits h WHERE h.inhrelid = c.oid AND c.relispartition
                 LIMIT 1), 0)::oid
FROM p
JOIN pg_catalog.pg_class c ON c.oid = p.relid
JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
LEFT JOIN pg_catalog.pg_attribute a
       ON a.attrelid = c.oid AND a.attnum = substring(p.partkey FROM ':varattno ([0-9]+)')::int2
ORDER BY p.ord
