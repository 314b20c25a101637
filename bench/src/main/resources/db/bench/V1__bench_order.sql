-- The aggregate rows the benchmark's writers lock before they append, as the services' use cases do.
create table bench_order (
    id      uuid   primary key,
    version bigint not null
);
