-- Refuses TRUNCATE of the command record.
CREATE TRIGGER commands_no_truncate
    BEFORE TRUNCATE ON dibao.commands
    FOR EACH STATEMENT EXECUTE FUNCTION dibao.refuse_change();
