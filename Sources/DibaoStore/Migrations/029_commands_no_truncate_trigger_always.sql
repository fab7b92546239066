-- The command record's no-truncate trigger (009) fires in every session, also one that a
-- superuser switched to session_replication_role = replica, where an ordinary trigger is skipped.
ALTER TABLE dibao.commands ENABLE ALWAYS TRIGGER commands_no_truncate;
