-- A command is recorded at most once: its first event is unique by command_id. Rows written
-- before 017 (command_index NULL) are covered through their derived first event id, so a
-- retry of an old command is caught too. For new rows the predicate is decided by
-- command_index alone; dibao.event_id() runs only for the old ones, once, at creation.
CREATE UNIQUE INDEX events_command_key ON dibao.events (command_id)
 WHERE command_index = 0 OR (command_index IS NULL AND event_id = dibao.event_id(command_id, 0));
