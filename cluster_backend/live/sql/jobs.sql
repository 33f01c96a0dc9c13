-- The most recent background jobs (rebalances and others), newest first.
SELECT job_id::int8, state::text, job_type::text, description::text,
       to_char(started_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"'),
       to_char(finished_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"')
FROM pg_dist_background_job
ORDER BY job_id DESC
LIMIT 50
