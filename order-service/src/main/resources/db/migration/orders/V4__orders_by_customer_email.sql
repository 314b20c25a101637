-- The order list's customer_email filter (the operators' console searches by it): the customers with that
-- email in any channel, then their orders newest first.
create index customers_email on customers (email);
create index orders_customer_created on orders (customer_ref, created_at, id);
