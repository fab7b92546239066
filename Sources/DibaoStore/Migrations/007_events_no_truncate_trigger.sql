-- Refuses TRUNCATE of the log (a statement-level event that row triggers do not see).
CREATE TRIGGER events_no_truncate
    BEFORE TRUNCATE ON dibao.events
    FOR EACH STATEMENT EXECUTE FUNCTION dibao.refuse_change();
