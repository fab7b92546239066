-- Every event written from now on states its command_index. NOT VALID: the rows written
-- before 017 keep their NULL (the log is never rewritten); PostgreSQL checks every new row.
ALTER TABLE dibao.events ADD CONSTRAINT events_command_index_check
    CHECK (command_index IS NOT NULL AND command_index >= 0) NOT VALID;
