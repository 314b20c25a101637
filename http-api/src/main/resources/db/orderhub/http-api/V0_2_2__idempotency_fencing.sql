-- A fencing token per claim: every take-over of a key (expired lease, expired retention) raises it, and
-- only the request holding the current token may store an answer or release the key. Without it, a
-- request whose lease ran out while it was still working could complete after the one that took over.
alter table idempotency_key add column fence bigint not null default 1;
