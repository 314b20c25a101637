-- Bank statements (camt.053, camt.054; docs/b2b.md#bank-transfers): every booked credit the hub has read, once
-- per bank account and entry reference, matched to an invoice or kept for an operator to assign. A credit
-- seen again (the same statement twice, a camt.054 and then the day's camt.053) finds its row and changes nothing.
create table bank_credit (
    id                uuid          primary key,
    entry_key         varchar(320)  not null,   -- the account's IBAN (or "-") and the entry reference
    entry_reference   varchar(255)  not null,   -- AcctSvcrRef, else NtryRef, else a hash of the entry
    account_iban      varchar(34),
    message_type      varchar(32)   not null,   -- camt.053.001.08, ...
    message_id        varchar(255),
    amount            numeric(19,4) not null,
    currency          varchar(3)    not null,
    booking_date      date          not null,
    payer_name        varchar(255),
    payer_iban        varchar(34),
    remittance        text,
    status            varchar(16)   not null,   -- matched, unmatched, assigned
    matched_by        varchar(16),              -- number, payer, operator
    invoice_id        uuid          references invoice (id),
    contract_id       uuid,                     -- the invoice's contract: what the payer's IBAN paid before
    payment_id        uuid,
    discount_note_id  uuid          references credit_note (id),
    overpaid          boolean       not null default false,
    received_at       timestamptz   not null,
    resolved_at       timestamptz,
    resolved_by       varchar(255),
    constraint bank_credit_entry_unique unique (entry_key),
    constraint bank_credit_amount_positive check (amount > 0)
);

create index bank_credit_listing on bank_credit (status, received_at, id);
-- Which contracts a payer's IBAN paid before: a credit without an invoice number is matched by it.
create index bank_credit_by_payer_iban on bank_credit (payer_iban, contract_id) where contract_id is not null;
