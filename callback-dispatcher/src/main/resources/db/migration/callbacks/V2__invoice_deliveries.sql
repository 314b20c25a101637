-- Invoice callbacks (docs/callbacks.md, Invoice callbacks): a delivery is either an order change ('order':
-- ordered, superseded and leased per order through order_state) or an invoice document ('invoice': the
-- issued invoice, a credit note or a reminder, never superseded, in order per invoice with a lease on the
-- delivery itself). Invoice deliveries carry order_version 0: they are not a version of the order.
alter table delivery add column kind varchar(16) not null default 'order';
alter table delivery add column invoice_id uuid;

-- [jooq ignore start]
create index delivery_invoice on delivery (invoice_id, created_at, id) where kind = 'invoice' and status in ('pending', 'failed');
-- [jooq ignore stop]
