-- The no-truncate trigger (007) fires in every session, also one that a superuser switched to
-- session_replication_role = replica, where an ordinary trigger is skipped.
ALTER TABLE dibao.events ENABLE ALWAYS TRIGGER events_no_truncate;
