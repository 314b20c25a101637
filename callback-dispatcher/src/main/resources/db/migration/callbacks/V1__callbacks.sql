-- The callback ledger: the channels' endpoints, one delivery per order change, every attempt, and per
-- order the latest state held (for replay) and the per-order send lock that keeps versions in order.

-- A channel's endpoint as configured ({NAME}_CALLBACK_URL, or WOOCOMMERCE_URL in rest mode; the name is
-- the variable's prefix) and its state: a 410 Gone disables it until it is enabled again or its URL changes.
create table endpoint (
    name             varchar(64)  primary key,
    url              text         not null,
    format           varchar(32)  not null,
    disabled_at      timestamptz,
    disabled_url     text,
    disabled_reason  text,
    updated_at       timestamptz  not null default now()
);

-- Per order: the newest state seen (what a replay re-sends), the newest version delivered (nothing older
-- is ever sent after it), and which delivery is on the wire (one at a time per order, with a lease).
create table order_state (
    order_id              uuid         primary key,
    channel               varchar(64)  not null,
    latest_version        bigint       not null,
    latest_event_id       uuid         not null,
    latest_type           varchar(32)  not null,
    latest_payload        text         not null,
    latest_occurred_at    timestamptz  not null,
    delivered_version     bigint       not null default 0,
    inflight_delivery_id  uuid,
    inflight_until        timestamptz,
    updated_at            timestamptz  not null default now()
);

create table delivery (
    id                     uuid          primary key,
    event_id               uuid          not null,
    order_id               uuid          not null,
    order_version          bigint        not null,
    channel                varchar(64)   not null,
    endpoint               varchar(64)   not null,
    type                   varchar(32)   not null,
    payload                text          not null,
    trace_context          varchar(512),           -- the W3C trace of the order change, continued when sending
    status                 varchar(16)   not null,
    attempts               integer       not null default 0,
    next_attempt_at        timestamptz,
    claimed_until          timestamptz,
    claim_token            uuid,
    last_response_code     integer,
    last_response_excerpt  text,
    last_latency_ms        bigint,
    last_error             text,
    version                bigint        not null default 1,
    replay_of              uuid,
    occurred_at            timestamptz   not null,
    created_at             timestamptz   not null,
    updated_at             timestamptz   not null,
    delivered_at           timestamptz
);

create index delivery_order on delivery (order_id, order_version);
create index delivery_listing on delivery (created_at, id);
create index delivery_channel_listing on delivery (channel, created_at, id);
-- [jooq ignore start]
create index delivery_due on delivery (endpoint, next_attempt_at) where status in ('pending', 'failed');
-- [jooq ignore stop]

create table delivery_attempt (
    id                 uuid          primary key,
    delivery_id        uuid          not null references delivery (id),
    attempt            integer       not null,
    started_at         timestamptz   not null,
    url                text,
    outcome            varchar(16)   not null,
    response_code      integer,
    response_excerpt   text,
    latency_ms         bigint        not null,
    error              text
);

create index delivery_attempt_delivery on delivery_attempt (delivery_id, attempt);
