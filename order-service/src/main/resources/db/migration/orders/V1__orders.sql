-- Walking skeleton: the order row and its version. The full order model arrives with the order feature.
create table orders (
    id              uuid          primary key,
    source          varchar(64)   not null,
    source_order_id varchar(255)  not null,
    status          varchar(32)   not null,
    currency        varchar(3)    not null,
    grand_total     numeric(19,4) not null,
    version         bigint        not null,
    created_at      timestamptz   not null,
    updated_at      timestamptz   not null,
    constraint orders_source_order_unique unique (source, source_order_id)
);
