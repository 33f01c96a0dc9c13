-- Estimated rows of every placement, in one call: run_command_on_all_nodes runs the inner query on each node
-- (coordinator included, in parallel, over Citus's own connections, which see the shard relations). Each node
-- reports pg_class.reltuples of the shards placed on it, found by name (<table>_<shardid>, in the table's
-- schema) with one hash join, never per shard. -1 (never analyzed) is left out: unknown.
SELECT r.nodeid::int4, r.success::bool, r.result::text
FROM run_command_on_all_nodes($inner$
    WITH placed AS (
        SELECT p.shardid, t.relnamespace
        FROM pg_dist_placement p
        JOIN pg_dist_shard s ON s.shardid = p.shardid
        JOIN pg_class t ON t.oid = s.logicalrelid
        WHERE p.groupid = (SELECT groupid FROM pg_dist_local_group)
    ), relations AS (
        SELECT substring(c.relname FROM '_([0-9]+)$')::int8 AS shardid, c.relnamespace, c.reltuples
        FROM pg_class c
        WHERE c.relkind IN ('r', 'p') AND c.relname ~ '_[0-9]{1,18}$'
    )
    SELECT coalesce(string_agg(placed.shardid || ' ' || relations.reltuples::int8, ','), '')
    FROM placed JOIN relations USING (shardid, relnamespace)
    WHERE relations.reltuples >= 0
$inner$) r
