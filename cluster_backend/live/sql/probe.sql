-- What is at the other end: server version, Citus (if installed in this database), the role.
SELECT current_setting('server_version')::text,
       (SELECT e.extversion::text FROM pg_catalog.pg_extension e WHERE e.extname = 'citus'),
       current_user::text,
       current_database()::text
