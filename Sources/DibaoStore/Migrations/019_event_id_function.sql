-- The id of the index-th event (0-based) of a command, as the store derives it: the first
-- 16 bytes of SHA-256("dibao-event:" ‖ command id in lower-case text ‖ ":" ‖ index), stamped
-- as an RFC 9562 version-8 UUID (Events/Catalogue/DerivedIdentifier.swift). Event ids are
-- therefore unique because command ids are, and an auditor can recompute any of them.
CREATE FUNCTION dibao.event_id(p_command_id uuid, p_index integer) RETURNS uuid
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
    SELECT encode(set_byte(set_byte(b, 6, (get_byte(b, 6) & 15) | 128), 8, (get_byte(b, 8) & 63) | 128), 'hex')::uuid
      FROM (SELECT substring(sha256(convert_to('dibao-event:' || p_command_id::text || ':' || p_index::text, 'UTF8'))
                             FROM 1 FOR 16)) AS d(b)
$$;
