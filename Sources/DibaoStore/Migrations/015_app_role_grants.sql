-- The service role appends only through dibao.append_events (014) and reads the migration
-- record for its readiness check (GET /ready). One DO block: a migration is one statement.
DO $$
BEGIN
    REVOKE INSERT ON dibao.events, dibao.commands FROM dibao_app;
    GRANT SELECT ON dibao.schema_migrations TO dibao_app;
END
$$;
