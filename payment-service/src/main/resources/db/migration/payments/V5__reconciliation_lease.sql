-- A running run is held by the instance carrying it out until lease_until, which that instance renews while it
-- works; a run whose lease ran out was left by an instance that stopped, and is marked failed.
alter table reconciliation_run add column lease_until timestamptz;
update reconciliation_run set lease_until = created_at where status = 'running';
