-- The store now appends with one plain INSERT (docs/internals/appending.md): the function's
-- top-level call cost about 200 µs on the server, more than the insert itself.
DROP FUNCTION dibao.append_events(text, bigint, uuid, bytea, uuid[], text[], integer[], jsonb[], jsonb[], date[], bytea[]);
