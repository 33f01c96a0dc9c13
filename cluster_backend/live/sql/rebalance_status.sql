-- The latest rebalance job: its state and Citus's own summary of its tasks.
SELECT job_id, state::text, job_type::text, description,
       to_char(started_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"'),
       to_char(finished_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"'), details::text
FROM citus_rebalance_status()
