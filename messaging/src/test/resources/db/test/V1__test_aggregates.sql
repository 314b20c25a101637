-- What a service's own schema would hold: an aggregate row writers lock, and the effects a consumer applies.
create table test_aggregate (
    id      uuid   primary key,
    version bigint not null
);

create table applied_event (
    event_id    uuid         primary key,
    reference   varchar(255) not null
);
