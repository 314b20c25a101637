-- What credit notes of an order on account's invoice took back (docs/b2b.md, Credit notes), as
-- payment-service's invoice events report it: it lowers what the buyer owes, so payments and credit notes
-- together settle the order, and the contract's open receivables leave it out. 0 for every other order.
alter table orders add column credited_amount numeric(19,4) not null default 0;
alter table orders add constraint orders_credited_amount check (
    credited_amount >= 0 and credited_amount <= grand_total and credited_amount = round(credited_amount, currency_digits)
    and (credited_amount = 0 or contract_id is not null));
