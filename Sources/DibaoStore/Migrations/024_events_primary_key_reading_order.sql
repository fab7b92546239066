-- The log's primary key becomes its reading order, (transaction_id, global_position): every
-- global reader pages along it (docs/internals/reading.md), and each event now feeds one
-- B-tree fewer. For the service global_position stays unique by construction (identity
-- column, GENERATED ALWAYS, and dibao_app may not set it: 023); only the owner or a superuser
-- could repeat one, with OVERRIDING SYSTEM VALUE. One DO block: a migration is one statement.
DO $$
BEGIN
    ALTER TABLE dibao.events DROP CONSTRAINT events_pkey;
    ALTER TABLE dibao.events ADD CONSTRAINT events_pkey PRIMARY KEY (transaction_id, global_position);
END
$$;
