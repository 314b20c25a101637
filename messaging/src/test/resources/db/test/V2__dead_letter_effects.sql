-- The effect of DeadLetterIT's consumer: an amount in a column too narrow for some events, until it is widened.
create table dead_letter_effect (
    event_id uuid          primary key,
    amount   numeric(6, 2) not null
);
