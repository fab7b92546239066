-- The command record's append-only trigger (008) fires in every session, also one that a
-- superuser switched to session_replication_role = replica, where an ordinary trigger is skipped.
ALTER TABLE dibao.commands ENABLE ALWAYS TRIGGER commands_append_only;
