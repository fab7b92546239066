-- A command is recorded at most once: its first event (command_index 0) is unique by
-- command_id. The predicate is kept to the one comparison: PostgreSQL prepares it for every
-- insert, and a branch recognising the rows written before 017 by their derived first event id
-- cost about 15 % of append throughput. Commands recorded before 017 are answered from
-- dibao.commands instead (docs/internals/appending.md).
CREATE UNIQUE INDEX events_command_key ON dibao.events (command_id) WHERE command_index = 0;
