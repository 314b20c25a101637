-- What each side counts as refunded of the payment a mismatch is about (refund_differs names both; null where a
-- side does not say, e.g. a payment the provider could only be asked about one by one).
alter table reconciliation_mismatch add column hub_refunded numeric(19,4);
alter table reconciliation_mismatch add column provider_refunded numeric(19,4);
