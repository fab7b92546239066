-- The append-only trigger (006) fires in every session, also one that a superuser switched to
-- session_replication_role = replica: an ordinary (ENABLE ORIGIN) trigger is skipped there,
-- so UPDATE and DELETE of events would go through.
ALTER TABLE dibao.events ENABLE ALWAYS TRIGGER events_append_only;
