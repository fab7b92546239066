-- recorded_at becomes PostgreSQL's clock as the row is inserted (clock_timestamp()), not the
-- start of its transaction (now()). An append made inside a transaction a caller held open (a
-- tool, `append(_:on:)`) was stamped with that transaction's start, possibly before the
-- version it follows was even written; the stream "as of" a moment could then show a later
-- version without an earlier one. Now each row is stamped after its statement's snapshot was
-- taken, so after the version it follows committed (the link is checked against that row in
-- the same statement): along a stream recorded_at only goes up.
ALTER TABLE dibao.events ALTER COLUMN recorded_at SET DEFAULT clock_timestamp();
