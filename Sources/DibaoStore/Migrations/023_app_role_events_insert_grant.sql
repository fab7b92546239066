-- dibao_app may INSERT into the log, but only these columns. global_position,
-- transaction_id and recorded_at are left to PostgreSQL (identity, pg_current_xact_id(),
-- now()), so the service cannot forge the reading order or the recording time;
-- stream_category is generated. UPDATE, DELETE and TRUNCATE stay refused by trigger.
GRANT INSERT (stream_id, stream_version, event_id, event_type, schema_version, data, metadata,
              command_id, command_index, effective_date, hash, previous_hash)
    ON dibao.events TO dibao_app;
