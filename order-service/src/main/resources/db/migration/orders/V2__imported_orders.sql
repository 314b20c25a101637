-- Orders brought over from the old hub by bin/orderhub-import keep its order id (so importing one twice
-- finds it), say when they were imported, and carry why a human should look at them (totals the old
-- hub lost and nobody could recover), or null.
alter table orders add column imported_at timestamptz;
alter table orders add column review_reason varchar(1000);
