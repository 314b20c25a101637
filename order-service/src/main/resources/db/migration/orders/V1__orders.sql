-- The order model: customers, orders, their items, their status history and the payments they know of.
-- Money is numeric (exact); each order carries its currency's ISO 4217 number of fraction digits
-- (from the JDK's table, written by the service) and the database refuses an amount with more.
-- Statuses are the contract's lower-case names.

-- A customer per email address per source (channel), upserted with every order that names one.
-- Emails are stored lower-case and trimmed; a customer without an email is a new row each time
-- (NULLs never collide in the unique constraint).
create table customers (
    id          uuid          primary key,
    source      varchar(64)   not null,
    email       varchar(320),
    name        varchar(255),
    phone       varchar(64),
    created_at  timestamptz   not null,
    updated_at  timestamptz   not null,
    constraint customers_source_email_unique unique (source, email)
);

create table orders (
    id               uuid           primary key,
    source           varchar(64)    not null,
    source_order_id  varchar(255)   not null,
    -- The channel's own customer id (any string, e.g. WooCommerce's "77"), never a hub id.
    customer_id      varchar(255),
    customer_ref     uuid           references customers (id),
    status           varchar(16)    not null,
    version          bigint         not null,
    currency         varchar(3)     not null,
    currency_digits  smallint       not null,
    subtotal         numeric(19,4)  not null,
    tax_total        numeric(19,4)  not null,
    shipping_total   numeric(19,4)  not null,
    discount_total   numeric(19,4)  not null,
    grand_total      numeric(19,4)  not null,
    paid_amount      numeric(19,4)  not null,
    refunded_amount  numeric(19,4)  not null,
    metadata         jsonb,
    created_at       timestamptz    not null,
    updated_at       timestamptz    not null,
    constraint orders_source_order_unique unique (source, source_order_id),
    constraint orders_version_positive check (version >= 1),
    constraint orders_status_known check (status in
        ('pending', 'confirmed', 'paid', 'processing', 'shipped', 'delivered', 'cancelled', 'refunded')),
    constraint orders_currency_digits check (currency_digits between 0 and 4),
    constraint orders_amounts_not_negative check (
        subtotal >= 0 and tax_total >= 0 and shipping_total >= 0 and discount_total >= 0
        and grand_total >= 0 and paid_amount >= 0 and refunded_amount >= 0)
);

-- [jooq ignore start]
-- No amount may have more fraction digits than its currency (EUR 2, JPY 0, KWD 3).
alter table orders add constraint orders_amounts_in_currency_digits check (
    subtotal = round(subtotal, currency_digits)
    and tax_total = round(tax_total, currency_digits)
    and shipping_total = round(shipping_total, currency_digits)
    and discount_total = round(discount_total, currency_digits)
    and grand_total = round(grand_total, currency_digits)
    and paid_amount = round(paid_amount, currency_digits)
    and refunded_amount = round(refunded_amount, currency_digits));
-- [jooq ignore stop]

-- Lists are newest first, by (created_at, id); channels list their own source.
create index orders_created on orders (created_at, id);
create index orders_source_created on orders (source, created_at, id);

create table order_items (
    id          uuid           primary key,
    order_id    uuid           not null references orders (id),
    position    integer        not null,
    product_id  varchar(255),
    sku         varchar(255),
    name        varchar(1000)  not null,
    quantity    integer        not null,
    unit_price  numeric(19,4),
    -- The line total, as the channel computed it.
    price       numeric(19,4)  not null,
    subtotal    numeric(19,4),
    tax         numeric(19,4),
    -- A fraction (0.19), never a percentage.
    tax_rate    numeric(5,4),
    metadata    jsonb,
    constraint order_items_position_unique unique (order_id, position),
    constraint order_items_quantity_positive check (quantity > 0),
    constraint order_items_amounts_not_negative check (
        price >= 0 and coalesce(unit_price, 0) >= 0 and coalesce(subtotal, 0) >= 0 and coalesce(tax, 0) >= 0),
    constraint order_items_tax_rate_fraction check (tax_rate >= 0 and tax_rate < 1)
);

-- One row per status change, written in the transaction of the change (never by a trigger as well:
-- the old hub logged every change twice). The order's version makes "exactly once" a constraint.
create table order_status_history (
    id          bigint generated always as identity primary key,
    order_id    uuid           not null references orders (id),
    version     bigint         not null,
    old_status  varchar(16),
    new_status  varchar(16)    not null,
    reason      varchar(1000),
    changed_by  varchar(255)   not null,
    changed_at  timestamptz    not null,
    constraint order_status_history_once unique (order_id, version)
);

-- The latest snapshot of each payment of an order, as payment events report it. A snapshot is only
-- replaced by a higher payment version, so a late, older event never overwrites a newer one.
create table order_payments (
    order_id         uuid           not null references orders (id),
    payment_id       uuid           not null,
    provider         varchar(64)    not null,
    status           varchar(32)    not null,
    amount           numeric(19,4)  not null,
    currency         varchar(3)     not null,
    refunded_amount  numeric(19,4)  not null,
    payment_version  bigint         not null,
    updated_at       timestamptz    not null,
    constraint order_payments_pk primary key (order_id, payment_id)
);

-- Payment events for an order this service does not know. payment-service learns orders from this
-- service's events, so this means lost data or a bug: the event is kept here (and logged) rather than
-- blocking every later event of its partition.
create table unmatched_payment_events (
    event_id     uuid          primary key,
    order_id     uuid          not null,
    payment_id   uuid          not null,
    version      bigint        not null,
    received_at  timestamptz   not null
);
