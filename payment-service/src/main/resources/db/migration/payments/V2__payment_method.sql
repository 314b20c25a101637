-- How the provider collects a payment when it is not its online checkout: card_present for a Stripe Terminal
-- (POS card reader) payment; null for Stripe's and BTCPay's online checkout and for recorded payments.
alter table payment add column method varchar(32);
