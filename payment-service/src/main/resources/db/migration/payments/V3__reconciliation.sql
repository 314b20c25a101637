-- Reconciliation runs: one provider's books over a window [window_from, window_to) against the hub's payments,
-- and what differed. A scheduled run claims its (provider, window) once, so only one instance runs it.
create table reconciliation_run (
    id                uuid         primary key,
    provider          varchar(16)  not null,
    window_from       timestamptz  not null,
    window_to         timestamptz  not null,
    status            varchar(16)  not null,   -- running, completed, failed
    origin            varchar(16)  not null,   -- on_demand, scheduled
    requested_by      varchar(255) not null,
    provider_payments integer      not null default 0,
    hub_payments      integer      not null default 0,
    failure           text,
    created_at        timestamptz  not null,
    finished_at       timestamptz
);

create index reconciliation_run_listing on reconciliation_run (created_at, id);

-- [jooq ignore start]
create unique index reconciliation_run_scheduled on reconciliation_run (provider, window_from) where origin = 'scheduled';
-- [jooq ignore stop]

-- One difference between the provider's books and the hub's, with both sides and what the run did about it:
-- applied (through the provider-event path) or reported (left for a person).
create table reconciliation_mismatch (
    run_id             uuid          not null references reconciliation_run (id),
    seq                integer       not null,
    kind               varchar(32)   not null,
    provider_reference varchar(255),
    payment_id         uuid,
    hub_status         varchar(32),
    hub_amount         numeric(19,4),
    hub_currency       varchar(3),
    provider_status    text,
    provider_amount    numeric(19,4),
    provider_currency  varchar(3),
    resolution         varchar(16)   not null,
    detail             text,
    constraint reconciliation_mismatch_pk primary key (run_id, seq)
);
