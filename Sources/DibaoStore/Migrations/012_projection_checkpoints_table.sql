-- How far each generation of each projection has read the log: a (transaction_id,
-- global_position) checkpoint, updated in the same transaction as the read-model rows the
-- events produced, so a crash neither loses nor double-applies an event.
CREATE TABLE dibao.projection_checkpoints (
    name             text        NOT NULL,
    generation       integer     NOT NULL,
    transaction_id   xid8        NOT NULL DEFAULT '0',
    global_position  bigint      NOT NULL DEFAULT 0,
    events_applied   bigint      NOT NULL DEFAULT 0,
    last_error       text,
    last_error_at    timestamptz,
    updated_at       timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (name, generation)
);
