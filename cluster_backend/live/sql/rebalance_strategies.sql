-- pg_dist_rebalance_strategy with each function as a callable, schema-qualified name quoted by the server
-- (NULL when the function was dropped after the strategy was added: the catalog keeps a bare oid), and
-- whether it is one Citus ships (in pg_catalog); plus citus.rebalancer_by_disk_size_base_cost in bytes
-- (current_setting gives it with a unit, "100MB").
SELECT s.name::text, s.default_strategy::bool,
       quote_ident(cn.nspname) || '.' || quote_ident(c.proname), COALESCE(cn.nspname = 'pg_catalog' AND c.proname IN
           ('citus_shard_cost_1', 'citus_shard_cost_by_disk_size'), false),
       quote_ident(kn.nspname) || '.' || quote_ident(k.proname), COALESCE(kn.nspname = 'pg_catalog' AND k.proname =
           'citus_node_capacity_1', false),
       quote_ident(an.nspname) || '.' || quote_ident(a.proname), COALESCE(an.nspname = 'pg_catalog' AND a.proname =
           'citus_shard_allowed_on_node_true', false),
       s.default_threshold::float4::text, s.minimum_threshold::float4::text, s.improvement_threshold::float4::text,
       pg_catalog.pg_size_bytes(current_setting('citus.rebalancer_by_disk_size_base_cost', true))::text,
       s.shard_cost_function::oid::text, s.node_capacity_function::oid::text,
       s.shard_allowed_on_node_function::oid::text
FROM pg_dist_rebalance_strategy s
LEFT JOIN pg_catalog.pg_proc c ON c.oid = s.shard_cost_function
LEFT JOIN pg_catalog.pg_namespace cn ON cn.oid = c.pronamespace
LEFT JOIN pg_catalog.pg_proc k ON k.oid = s.node_capacity_function
LEFT JOIN pg_catalog.pg_namespace kn ON kn.oid = k.pronamespace
LEFT JOIN pg_catalog.pg_proc a ON a.oid = s.shard_allowed_on_node_function
LEFT JOIN pg_catalog.pg_namespace an ON an.oid = a.pronamespace
