-- One row per appended command: what makes appends exactly idempotent. A retry with the same
-- command_id and the same request_hash gets this row back and writes nothing; a different
-- request_hash is refused. Written in the same transaction as the events it describes.
CREATE TABLE dibao.commands (
    command_id      uuid        PRIMARY KEY,
    stream_id       text        NOT NULL,
    request_hash    bytea       NOT NULL CHECK (octet_length(request_hash) = 32),
    first_version   bigint      NOT NULL,
    last_version    bigint      NOT NULL,
    first_position  bigint      NOT NULL,
    last_position   bigint      NOT NULL,
    recorded_at     timestamptz NOT NULL DEFAULT now()
);
