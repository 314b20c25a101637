-- Agreed prices of a contract (docs/b2b.md, Contracts): the net unit price, in the credit limit's currency,
-- that an order on account must carry for a SKU. Kept per version like the rest of the terms, so a change of
-- prices is the contract's next version and applies to new orders only; a version without prices has no rows.
create table contract_agreed_prices (
    contract_id  uuid           not null,
    version      bigint         not null,
    position     integer        not null,
    sku          varchar(255)   not null,
    unit_price   numeric(19,4)  not null,
    constraint contract_agreed_prices_pk primary key (contract_id, version, sku),
    constraint contract_agreed_prices_version_fk
        foreign key (contract_id, version) references contract_versions (contract_id, version),
    constraint contract_agreed_prices_position unique (contract_id, version, position),
    constraint contract_agreed_prices_unit_price_not_negative check (unit_price >= 0)
);
