-- pg_dist_colocation, in id order.
SELECT colocationid::int4, shardcount::int4, replicationfactor::int4, distributioncolumntype::oid,
       distributioncolumncollation::oid
FROM pg_dist_colocation
ORDER BY colocationid
