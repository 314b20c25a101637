-- Payment reminders of overdue invoices (dunning, docs/b2b.md#dunning): one row per invoice and level, issued by
-- the daily dunning run or its admin trigger with the invoice row locked; never changed or deleted.
create table invoice_reminder (
    id            uuid          primary key,
    invoice_id    uuid          not null references invoice (id),
    dunning_level integer       not null,   -- 1, 2, ... as DUNNING_SCHEDULE lists the levels
    outstanding   numeric(19,4) not null,   -- what the invoice left open when reminded, fees not included
    fee           numeric(19,4) not null,   -- the level's fee in the invoice's currency, 0 for none
    days_overdue  integer       not null,
    reminded_on   date          not null,   -- Europe/Berlin's day of the run
    pay_by        date          not null,   -- the new deadline: reminded_on + DUNNING_GRACE
    issued_at     timestamptz   not null,
    issued_by     varchar(255)  not null,
    -- Each level once; and at most one reminder of an invoice a day, so a hub that was down for weeks moves an
    -- invoice up one level per run, never from nothing to the last. The run checks both under the invoice's row
    -- lock; these are the backstop.
    constraint invoice_reminder_level_once unique (invoice_id, dunning_level),
    constraint invoice_reminder_one_a_day unique (invoice_id, reminded_on),
    constraint invoice_reminder_level_positive check (dunning_level >= 1),
    constraint invoice_reminder_amounts check (outstanding > 0 and fee >= 0),
    constraint invoice_reminder_overdue check (days_overdue >= 1 and pay_by > reminded_on)
);

-- [jooq ignore start]
-- V7's function refuses the change (its hint, a credit note, is how an invoice is corrected).
create trigger invoice_reminder_never_changed before update or delete on invoice_reminder
    for each row execute function refuse_change_of_issued_document();
-- [jooq ignore stop]
