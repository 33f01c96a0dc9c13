-- pg_dist_node, in node id order.
SELECT nodeid::int4, groupid::int4, nodename::text, nodeport::int4, noderack::text, hasmetadata::bool,
       isactive::bool, noderole::text, nodecluster::text, COALESCE(metadatasynced, false)::bool,
       shouldhaveshards::bool
FROM pg_dist_node
ORDER BY nodeid
