-- Replaces dibao.append_events (010, 014) with a leaner body, same signature, rights and result:
-- two statements instead of five. The up-front command lookup is gone: a replayed or reused
-- command id now fails on commands_pkey (or on the expected version first), and the store
-- answers it from dibao.commands after the rollback, as it already did for concurrent
-- retries (docs/internals/appending.md). The events and the command row are inserted by one
-- statement. Every PL/pgSQL statement costs an executor start-up; the benchmark showed them.
CREATE OR REPLACE FUNCTION dibao.append_events(
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
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, dibao AS $$
DECLARE
    v_head     bigint;
    v_previous bytea;
    v_count    integer := cardinality(p_event_ids);
    v_hashes   bytea[] := array_fill(NULL::bytea, ARRAY[cardinality(p_event_ids)]);
    v_previous_hashes bytea[] := array_fill(NULL::bytea, ARRAY[cardinality(p_event_ids)]);
BEGIN
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
        v_previous_hashes[i] := v_previous;
        v_previous := sha256(v_previous || int8send(v_head + i) || p_content_hashes[i]);
        v_hashes[i] := v_previous;
    END LOOP;

    RETURN QUERY
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
    ), command AS (
        INSERT INTO dibao.commands (command_id, stream_id, request_hash, first_version, last_version, first_position, last_position)
        SELECT p_command_id, p_stream_id, p_request_hash, v_head + 1, v_head + v_count, min(i.global_position), max(i.global_position)
          FROM inserted i
        RETURNING commands.first_version, commands.last_version, commands.first_position, commands.last_position
    )
    SELECT c.first_version, c.last_version, c.first_position, c.last_position, false FROM command c;
END
$$;
