-- Idempotency-Key claims and their stored responses, scoped per API key, kept 24 h.
create table idempotency_key (
    api_key          varchar(255)  not null,
    idempotency_key  varchar(255)  not null,
    fingerprint      varchar(64)   not null,
    state            varchar(16)   not null,   -- in_flight | completed
    locked_until     timestamptz,
    response_status  integer,
    response_headers jsonb,
    response_body    bytea,
    created_at       timestamptz   not null default now(),
    completed_at     timestamptz,
    constraint idempotency_key_pk primary key (api_key, idempotency_key),
    constraint idempotency_key_state check (state in ('in_flight', 'completed'))
);

create index idempotency_key_created_at on idempotency_key (created_at);

-- Bucket4j's token buckets (one row per API key), shared by every instance of the service.
create table rate_limit_bucket (
    id         varchar(255) primary key,
    state      bytea,
    expires_at bigint
);
