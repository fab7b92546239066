-- The command record is part of the log's promise ("nothing twice"): append-only as well.
CREATE TRIGGER commands_append_only
    BEFORE UPDATE OR DELETE ON dibao.commands
    FOR EACH ROW EXECUTE FUNCTION dibao.refuse_change();
