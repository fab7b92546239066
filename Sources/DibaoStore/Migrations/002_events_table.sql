-- The log. One row per event; rows are only ever inserted (see 006-008).
-- global_position: a sequence number handed out at insert; it may have gaps (rolled-back
--   transactions) and commits may make rows visible out of its order, which is why readers
--   order by (transaction_id, global_position) behind the snapshot horizon (docs/internals/reading.md).
-- transaction_id: the inserting transaction (xid8), the first half of every reader's checkpoint.
-- hash / previous_hash: the per-stream SHA-256 chain (docs/internals/hash-chain.md).
CREATE TABLE dibao.events (
    global_position  bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    transaction_id   xid8        NOT NULL DEFAULT pg_current_xact_id(),
    stream_id        text        NOT NULL,
    stream_category  text        NOT NULL GENERATED ALWAYS AS (split_part(stream_id, '-', 1)) STORED,
    stream_version   bigint      NOT NULL CHECK (stream_version >= 1),
    event_id         uuid        NOT NULL,
    event_type       text        NOT NULL,
    schema_version   integer     NOT NULL CHECK (schema_version >= 1),
    data             jsonb       NOT NULL,
    metadata         jsonb       NOT NULL,
    command_id       uuid        NOT NULL,
    recorded_at      timestamptz NOT NULL DEFAULT now(),
    effective_date   date        NOT NULL,
    hash             bytea       NOT NULL CHECK (octet_length(hash) = 32),
    previous_hash    bytea       NOT NULL CHECK (octet_length(previous_hash) = 32),
    CONSTRAINT events_stream_version_key UNIQUE (stream_id, stream_version),
    CONSTRAINT events_event_id_key UNIQUE (event_id)
);
