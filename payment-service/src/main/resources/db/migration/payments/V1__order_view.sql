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
