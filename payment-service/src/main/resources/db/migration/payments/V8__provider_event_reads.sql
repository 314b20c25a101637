-- The operators' console reads a payment's provider events and the events that matched no payment. A
-- provider's retry of an event already seen is counted on the event's row instead of being dropped unseen.
alter table provider_event add column duplicates integer not null default 0;
create index provider_event_payment on provider_event (payment_id, received_at);
