-- B2B framework contracts (docs/b2b.md): a channel's business customer, payment terms and credit limit,
-- and the orders placed on account under them.

-- The contract: what never changes (its channel) and which version of its terms is current. Orders on
-- account lock this row (SELECT ... FOR UPDATE), so two orders of one contract check the credit limit
-- one after the other.
create table contracts (
    id          uuid          primary key,
    channel     varchar(64)   not null,
    version     bigint        not null,
    created_at  timestamptz   not null,
    updated_at  timestamptz   not null,
    constraint contracts_version_positive check (version >= 1)
);

create index contracts_created on contracts (created_at, id);
create index contracts_channel_created on contracts (channel, created_at, id);

-- Every version of a contract's terms, never changed: a change adds the next version, so an order keeps
-- pointing at the terms it was placed under (its invoice uses them), while new orders get the current ones.
-- The credit limit's currency is that of the first version (a change of currency is refused).
create table contract_versions (
    contract_id       uuid           not null references contracts (id),
    version           bigint         not null,
    status            varchar(16)    not null,
    company           varchar(255)   not null,
    vat_id            varchar(16),
    email             varchar(320)   not null,
    address_line1     varchar(255)   not null,
    postal_code       varchar(16)    not null,
    city              varchar(255)   not null,
    country           varchar(2)     not null,
    buyer_reference   varchar(255),
    net_days          integer        not null,
    discount_percent  numeric(5,2),
    discount_days     integer,
    credit_limit      numeric(19,4)  not null,
    currency          varchar(3)     not null,
    changed_by        varchar(255)   not null,
    changed_at        timestamptz    not null,
    constraint contract_versions_pk primary key (contract_id, version),
    constraint contract_versions_status_known check (status in ('active', 'suspended')),
    constraint contract_versions_net_days check (net_days between 0 and 365),
    constraint contract_versions_discount check (
        (discount_percent is null and discount_days is null)
        or (discount_percent > 0 and discount_percent < 100 and discount_days between 0 and net_days)),
    constraint contract_versions_credit_limit_not_negative check (credit_limit >= 0)
);

-- An order on account: its contract, the version of the terms it was placed under, and how it is paid.
alter table orders add column contract_id uuid;
alter table orders add column contract_version bigint;
alter table orders add column payment_method varchar(16);
alter table orders add constraint orders_contract_version_fk
    foreign key (contract_id, contract_version) references contract_versions (contract_id, version);
alter table orders add constraint orders_payment_method_known check (payment_method in ('invoice'));
alter table orders add constraint orders_on_account_complete check (
    (contract_id is null and contract_version is null and payment_method is null)
    or (contract_id is not null and contract_version is not null and payment_method is not null));

-- The open receivables of a contract are summed over its orders at every order on account.
-- [jooq ignore start]
create index orders_contract on orders (contract_id) where contract_id is not null;
-- [jooq ignore stop]
