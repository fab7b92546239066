-- command_index: the event's place in the append (command) that wrote it, 0 for the first.
-- With the unique index events_command_key (020) it makes appends exactly idempotent without
-- a second table: a command's first event can be recorded once. Rows written before this
-- migration hold NULL here; their command is also recorded in dibao.commands (004).
ALTER TABLE dibao.events ADD COLUMN command_index integer;
