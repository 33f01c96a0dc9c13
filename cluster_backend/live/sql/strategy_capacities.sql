-- A user-defined node_capacity_function ({function}) on every node the rebalancer may place shards on.
SELECT n.nodeid::text, ({function}(n.nodeid))::float4::text
FROM pg_dist_node n
WHERE n.isactive AND n.noderole = 'primary' AND n.shouldhaveshards
