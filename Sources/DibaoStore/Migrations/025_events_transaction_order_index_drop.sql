-- Superseded by the primary key on the same columns (024).
DROP INDEX dibao.events_transaction_order_idx;
