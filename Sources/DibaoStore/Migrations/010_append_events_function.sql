-- Appends one command's events to one stream in one round trip, inside the caller's (implicit)
-- transaction:
--   1. a command already recorded returns its original result (same request hash) or is refused;
--   2. the stream head is compared with the expected version (NULL = any, 0 = no stream yet);
--   3. the hash chain is extended in PostgreSQL, where the previous hash is known;
--   4. the events and the command row are inserted.
-- Races (two writers at one head, two retries of one command) end in a unique violation that
-- the store translates (docs/internals/appending.md). SQLSTATE DBV01 = wrong expected version,
-- DBC01 = command id reused with different content.
CREATE FUNCTION dibao.append_events(
    p_stream_id        text,
    p_expected_version bigint,
    p_command_id       uuid,
    p_request_hash     bytea,
    p_event_ids        uuid[],
    p_event_types      text[],
    p_schema_versions  integer[],
    p_data             jsonb[],
    p_metadata         jsonb[],
    p_effective_dates  date[],
    p_content_hashes   bytea[]
) RETURNS TABLE (first_version bigint, last_version bigint, first_position bigint, last_position bigint, replayed boolean)
LANGUAGE plpgsql AS $$
DECLARE
    v_command  dibao.commands%ROWTYPE;
    v_head     bigint;
    v_previous bytea;
    v_count    integer := cardinality(p_event_ids);
    v_hashes   bytea[] := ARRAY[]::bytea[];
    v_previous_hashes bytea[] := ARRAY[]::bytea[];
    v_first    bigint;
    v_last     bigint;
BEGIN
    SELECT * INTO v_command FROM dibao.commands c WHERE c.command_id = p_command_id;
    IF FOUND THEN
        IF v_command.request_hash <> p_request_hash THEN
            RAISE EXCEPTION 'command % was already used with different content', p_command_id USING ERRCODE = 'DBC01';
        END IF;
        RETURN QUERY SELECT v_command.first_version, v_command.last_version, v_command.first_position, v_command.last_position, true;
        RETURN;
    END IF;

    SELECT e.stream_version, e.hash INTO v_head, v_previous
      FROM dibao.events e WHERE e.stream_id = p_stream_id
     ORDER BY e.stream_version DESC LIMIT 1;
    IF NOT FOUND THEN
        v_head := 0;
        v_previous := '\x0000000000000000000000000000000000000000000000000000000000000000'::bytea;
    END IF;
    IF p_expected_version IS NOT NULL AND p_expected_version <> v_head THEN
        RAISE EXCEPTION 'wrong expected version for stream %: expected %, actual %', p_stream_id, p_expected_version, v_head
            USING ERRCODE = 'DBV01', DETAIL = v_head::text;
    END IF;

    FOR i IN 1 .. v_count LOOP
        v_previous_hashes := v_previous_hashes || v_previous;
        v_previous := sha256(v_previous || int8send(v_head + i) || p_content_hashes[i]);
        v_hashes := v_hashes || v_previous;
    END LOOP;

    WITH inserted AS (
        INSERT INTO dibao.events (stream_id, stream_version, event_id, event_type, schema_version, data, metadata,
                                  command_id, effective_date, hash, previous_hash)
        SELECT p_stream_id, v_head + u.ordinal, u.event_id, u.event_type, u.schema_version, u.data, u.metadata,
               p_command_id, u.effective_date, u.hash, u.previous_hash
          FROM unnest(p_event_ids, p_event_types, p_schema_versions, p_data, p_metadata, p_effective_dates,
                      v_hashes, v_previous_hashes)
               WITH ORDINALITY AS u(event_id, event_type, schema_version, data, metadata, effective_date, hash, previous_hash, ordinal)
         ORDER BY u.ordinal
        RETURNING global_position
    )
    SELECT min(global_position), max(global_position) INTO v_first, v_last FROM inserted;

    INSERT INTO dibao.commands (command_id, stream_id, request_hash, first_version, last_version, first_position, last_position)
    VALUES (p_command_id, p_stream_id, p_request_hash, v_head + 1, v_head + v_count, v_first, v_last);

    RETURN QUERY SELECT v_head + 1, v_head + v_count, v_first, v_last, false;
END
$$;
