-- What each role may do. dibao_app: INSERT and SELECT on the log and the command record, and
-- nothing else there; full use of the projection bookkeeping and read models it maintains.
-- dibao_auditor: SELECT on everything in the schema, so an inspector can query with psql.
-- One DO block because a migration is sent as one statement (extended query protocol).
DO $$
BEGIN
    GRANT USAGE ON SCHEMA dibao TO dibao_app, dibao_auditor;
    REVOKE ALL ON dibao.events, dibao.commands FROM PUBLIC;
    GRANT SELECT, INSERT ON dibao.events, dibao.commands TO dibao_app;
    GRANT SELECT, INSERT, UPDATE, DELETE ON dibao.projections, dibao.projection_checkpoints TO dibao_app;
    REVOKE EXECUTE ON FUNCTION dibao.append_events(text, bigint, uuid, bytea, uuid[], text[], integer[], jsonb[], jsonb[], date[], bytea[]) FROM PUBLIC;
    GRANT EXECUTE ON FUNCTION dibao.append_events(text, bigint, uuid, bytea, uuid[], text[], integer[], jsonb[], jsonb[], date[], bytea[]) TO dibao_app;
    GRANT CREATE ON SCHEMA dibao TO dibao_app;
    GRANT SELECT ON ALL TABLES IN SCHEMA dibao TO dibao_auditor;
    ALTER DEFAULT PRIVILEGES IN SCHEMA dibao GRANT SELECT ON TABLES TO dibao_auditor;
END
$$;
