-- payment-service's schema: payments with their history, refunds and disputes, what it knows of orders,
-- and the provider events it applied. Money is numeric(19,4) (never binary floating point); statuses are
-- the lower-case names of the enums in io.orderhub.payments.payment.

-- What payment-service knows of orders, from orderhub.order-events.v1 (never from order-service's schema).
create table order_view (
    id          uuid          primary key,
    source      varchar(64)   not null,
    currency    varchar(3)    not null,
    grand_total numeric(19,4) not null,
    status      varchar(32)   not null,
    version     bigint        not null,
    updated_at  timestamptz   not null default now()
);

create table payment (
    id                  uuid          primary key,
    order_id            uuid          not null,
    source              varchar(64)   not null,   -- the channel that owns the order
    provider            varchar(64)   not null,   -- stripe, btcpay, manual, or a channel's own provider name
    status              varchar(32)   not null,
    -- 0 while the provider has not confirmed the payment's creation (never published, never listed);
    -- 1 with the CREATED event; +1 with every change after.
    version             bigint        not null,
    amount              numeric(19,4) not null,
    currency            varchar(3)    not null,
    refunded_amount     numeric(19,4) not null default 0,
    -- Stripe's cumulative amount_refunded of the charge (charge.refunded), applied as it is, never added.
    provider_refunded   numeric(19,4) not null default 0,
    provider_reference  varchar(255),
    source_payment_id   varchar(255),
    recorded            boolean       not null,
    next_action         text,
    return_url          text,
    metadata            text,
    needs_attention     boolean       not null default false,
    attention_reason    text,
    -- Who may re-drive a creation: the API key and Idempotency-Key of the request, and the request's digest.
    idempotency_scope   varchar(255),
    idempotency_key     varchar(255),
    request_digest      varchar(64),
    -- The repair job: when to ask the provider next, how often it asked, and the lease of the instance asking.
    next_check_at       timestamptz,
    checks              integer       not null default 0,
    repair_lease_until  timestamptz,
    cancel_requested_at timestamptz,
    created_at          timestamptz   not null,
    updated_at          timestamptz   not null
);

create index payment_order on payment (order_id);
create index payment_listing on payment (created_at, id);
create index payment_next_check on payment (next_check_at);

-- [jooq ignore start]
create unique index payment_source_payment_id on payment (source, source_payment_id) where source_payment_id is not null;
create unique index payment_provider_reference on payment (provider, provider_reference) where provider_reference is not null;
create unique index payment_idempotency on payment (idempotency_scope, idempotency_key) where idempotency_key is not null;
-- [jooq ignore stop]

create table payment_status_history (
    id          uuid         primary key,
    payment_id  uuid         not null references payment (id),
    version     bigint       not null,
    event_type  varchar(32)  not null,
    old_status  varchar(32),
    new_status  varchar(32)  not null,
    reason      text,
    changed_by  varchar(255) not null,
    changed_at  timestamptz  not null,
    constraint payment_status_history_version unique (payment_id, version)
);

create table refund (
    id                 uuid          primary key,
    payment_id         uuid          not null references payment (id),
    amount             numeric(19,4) not null,
    status             varchar(32)   not null,
    reason             text,
    provider_reference varchar(255),
    -- system: started by the hub itself (automatic refund of money for a cancelled order), so the repair job
    -- may submit it; a channel's refund is only ever submitted by its request.
    requested_by       varchar(255)  not null,
    system             boolean       not null default false,
    idempotency_scope  varchar(255),
    idempotency_key    varchar(255),
    request_digest     varchar(64),
    next_check_at      timestamptz,
    checks             integer       not null default 0,
    repair_lease_until timestamptz,
    created_at         timestamptz   not null,
    updated_at         timestamptz   not null
);

create index refund_payment on refund (payment_id);
create index refund_next_check on refund (next_check_at);

-- [jooq ignore start]
create unique index refund_provider_reference on refund (provider_reference) where provider_reference is not null;
create unique index refund_idempotency on refund (idempotency_scope, idempotency_key) where idempotency_key is not null;
-- [jooq ignore stop]

create table dispute (
    provider_reference varchar(255)  primary key,
    payment_id         uuid          not null references payment (id),
    status             varchar(64)   not null,
    amount             numeric(19,4) not null,
    reason             varchar(255),
    created_at         timestamptz   not null,
    updated_at         timestamptz   not null
);

create index dispute_payment on dispute (payment_id);

-- Every provider event seen, deduplicated on the provider's own id (Stripe evt_..., BTCPay originalDeliveryId),
-- with what the hub did with it: applied, ignored (out of order or not a change) or unmatched (no payment).
create table provider_event (
    provider           varchar(16)  not null,
    provider_event_id  varchar(255) not null,
    event_id           uuid         not null,
    type               varchar(64)  not null,
    provider_reference varchar(255) not null,
    payment_id         uuid,
    outcome            varchar(16)  not null,
    detail             text,
    occurred_at        timestamptz  not null,
    received_at        timestamptz  not null,
    applied_at         timestamptz  not null,
    constraint provider_event_pk primary key (provider, provider_event_id)
);

create index provider_event_outcome on provider_event (outcome, applied_at);
