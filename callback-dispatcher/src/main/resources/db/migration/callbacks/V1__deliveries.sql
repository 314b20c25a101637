-- Walking skeleton: the delivery ledger arrives with the callback feature.
create table delivery (
    id          uuid         primary key,
    order_id    uuid         not null,
    status      varchar(32)  not null,
    created_at  timestamptz  not null default now()
);
