-- dibao.append_events runs with its owner's rights, so the service role needs no INSERT on the
-- log at all (015): every row then comes through the function, which fixes its version, hash
-- chain, transaction id and recording time. A direct INSERT could forge transaction_id (and
-- hide below every reader's checkpoint) or recorded_at. search_path is pinned so a caller
-- cannot substitute objects.
ALTER FUNCTION dibao.append_events(text, bigint, uuid, bytea, uuid[], text[], integer[], jsonb[], jsonb[], date[], bytea[])
    SECURITY DEFINER SET search_path = pg_catalog, dibao;
