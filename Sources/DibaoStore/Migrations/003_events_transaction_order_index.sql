-- The order every global reader follows: (transaction_id, global_position). Keyset pagination
-- from a checkpoint is an index range scan on this.
CREATE INDEX events_transaction_order_idx ON dibao.events (transaction_id, global_position);
