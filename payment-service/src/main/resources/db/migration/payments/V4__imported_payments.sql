-- Payments brought over from the old hub by bin/orderhub-import keep their id there (importing one twice
-- finds it) and say when they were imported.
alter table payment add column imported_at timestamptz;
