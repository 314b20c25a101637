-- The transactional outbox, in the column layout of Debezium's outbox event router
-- (id, aggregatetype, aggregateid, type, payload, tracingspancontext), plus what the polling relay
-- needs: the topic, a commit-order position, and the insert time for the lag metric.
-- Rows are deleted once Kafka acknowledged them, so the table stays small.
create table outbox (
    position           bigint generated always as identity primary key,
    id                 uuid          not null,
    aggregatetype      varchar(255)  not null,
    aggregateid        varchar(255)  not null,
    type               varchar(255)  not null,
    topic              varchar(255)  not null,
    payload            bytea         not null,
    tracingspancontext varchar(512),
    created_at         timestamptz   not null default clock_timestamp(),
    constraint outbox_id_unique unique (id)
);

-- Every event a consumer applied, recorded in the same transaction as its effect.
create table inbox (
    event_id    uuid         primary key,
    topic       varchar(255) not null,
    consumed_at timestamptz  not null default now()
);

create index inbox_consumed_at on inbox (consumed_at);
