-- Event ids are derived from the command id and the event's index (019), so they are unique
-- because command ids are (020); a second unique index on random UUIDs cost one random
-- B-tree insertion per event. To find an event by id, use its stream, or its command:
-- event k of command C has id dibao.event_id(C, k) (docs/reference/schema.md).
ALTER TABLE dibao.events DROP CONSTRAINT events_event_id_key;
