-- Refuses UPDATE and DELETE of any event row, for every role (triggers fire for the owner and
-- superusers too).
CREATE TRIGGER events_append_only
    BEFORE UPDATE OR DELETE ON dibao.events
    FOR EACH ROW EXECUTE FUNCTION dibao.refuse_change();
