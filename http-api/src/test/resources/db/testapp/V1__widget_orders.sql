create table widget_order (
    id        uuid          primary key,
    source    varchar(64)   not null,
    reference varchar(255)  not null unique,
    amount    numeric(19,4) not null
);
