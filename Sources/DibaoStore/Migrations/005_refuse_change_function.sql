-- Raised by the append-only triggers: the log and its command record are never updated,
-- deleted or truncated, whoever asks. A mistake is answered by a later correcting event.
CREATE FUNCTION dibao.refuse_change() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'dibao.%: % is not allowed; the log is append-only (append a correcting event instead)',
        TG_TABLE_NAME, TG_OP
        USING ERRCODE = 'DBA01';
END
$$;
