-- Task counts of one background job ($1): how many tasks are done out of how many, how many failed or were
-- cancelled, the job's state, and the message of its last failed task (Citus keeps the error there).
SELECT count(*) FILTER (WHERE status = 'done')::int4,
       count(*)::int4,
       count(*) FILTER (WHERE status IN ('error', 'cancelled'))::int4,
       (SELECT j.state::text FROM pg_dist_background_job j WHERE j.job_id = $1::int8),
       (SELECT t.message FROM pg_dist_background_task t
        WHERE t.job_id = $1::int8 AND t.status = 'error' AND t.message <> ''
        ORDER BY t.task_id DESC LIMIT 1)
FROM pg_dist_background_task
WHERE job_id = $1::int8
