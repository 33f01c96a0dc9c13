-- Task counts of one background job ($1): how many moves are done out of how many.
SELECT count(*) FILTER (WHERE status = 'done')::int4,
       count(*)::int4,
       count(*) FILTER (WHERE status IN ('error', 'cancelled'))::int4,
       (SELECT j.state::text FROM pg_dist_background_job j WHERE j.job_id = $1::int8)
FROM pg_dist_background_task
WHERE job_id = $1::int8
