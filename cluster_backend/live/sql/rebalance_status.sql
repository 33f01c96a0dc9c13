-- The latest rebalance job: its state and Citus's own summary of its tasks. raw => true gives sizes in the
-- details as byte counts rather than pg_size_pretty text. Columns are read by name.
SELECT job_id, state::text AS state, job_type::text AS job_type, description,
       to_char(started_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS started_at,
       to_char(finished_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS finished_at, details::text AS details
FROM citus_rebalance_status(raw => true)
