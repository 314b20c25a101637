-- Invoices and credit notes of orders on account (docs/b2b.md). V6 is left to the reconciliation work.

-- What an invoice needs of an order: how much has been paid, and for an order on account its contract and,
-- as of the order's contract version, the buyer, the payment terms, the lines and the order's amounts
-- (account: JSON, null for any other order).
alter table order_view add column paid_amount numeric(19,4) not null default 0;
alter table order_view add column contract_id uuid;
alter table order_view add column account jsonb;

-- One counter per series and year, incremented in the issuing transaction and locked until it ends: a
-- rolled-back issue gives its number back, so the numbers of a series and year have no gaps.
create table invoice_counter (
    series       varchar(8)  not null,
    year         integer     not null,
    last_number  bigint      not null,
    constraint invoice_counter_pk primary key (series, year)
);

-- An invoice: everything fixed when it is issued (amounts, buyer, terms, lines); never changed or deleted.
-- Its status is derived on reading from the order's paid amount and the credit notes.
create table invoice (
    id               uuid          primary key,
    number           varchar(32)   not null,
    order_id         uuid          not null,
    contract_id      uuid          not null,
    source           varchar(64)   not null,
    currency         varchar(3)    not null,
    net_total        numeric(19,4) not null,
    tax_total        numeric(19,4) not null,
    shipping_total   numeric(19,4) not null,
    discount_total   numeric(19,4) not null,
    total            numeric(19,4) not null,
    issued_at        timestamptz   not null,
    due_date         date          not null,
    discount_date    date,
    discount_amount  numeric(19,4),
    account          jsonb         not null,   -- buyer, payment terms and lines as issued
    issued_by        varchar(255)  not null,
    constraint invoice_number_unique unique (number),
    constraint invoice_one_per_order unique (order_id),
    constraint invoice_total_positive check (total > 0)
);

create index invoice_listing on invoice (issued_at, id);
create index invoice_by_contract on invoice (contract_id, issued_at, id);

-- A credit note: part or all of an invoice taken back, in its own number series; never changed or deleted.
create table credit_note (
    id          uuid          primary key,
    number      varchar(32)   not null,
    invoice_id  uuid          not null references invoice (id),
    amount      numeric(19,4) not null,
    reason      text          not null,
    issued_at   timestamptz   not null,
    issued_by   varchar(255)  not null,
    constraint credit_note_number_unique unique (number),
    constraint credit_note_amount_positive check (amount > 0)
);

create index credit_note_of_invoice on credit_note (invoice_id, issued_at);

-- [jooq ignore start]
create function refuse_change_of_issued_document() returns trigger language plpgsql as $$
begin
    raise exception '% rows are never changed or deleted: issue a credit note', tg_table_name;
end
$$;
create trigger invoice_never_changed before update or delete on invoice
    for each row execute function refuse_change_of_issued_document();
create trigger credit_note_never_changed before update or delete on credit_note
    for each row execute function refuse_change_of_issued_document();
-- [jooq ignore stop]
