-- Which Citus node this is: group 0 is the coordinator; a worker with metadata knows the coordinator's address.
SELECT (SELECT g.groupid FROM pg_catalog.pg_dist_local_group g LIMIT 1)::int4,
       pg_catalog.citus_version()::text,
       (SELECT n.nodename FROM pg_catalog.pg_dist_node n WHERE n.groupid = 0 AND n.noderole = 'primary' LIMIT 1)::text,
       (SELECT n.nodeport FROM pg_catalog.pg_dist_node n WHERE n.groupid = 0 AND n.noderole = 'primary' LIMIT 1)::int4
