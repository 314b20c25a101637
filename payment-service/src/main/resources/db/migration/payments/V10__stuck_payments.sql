-- Open payments by their last change, for GET /api/v1/payments/stuck (the operators' console): the oldest
-- unchanged first within each status.
create index payment_unchanged on payment (status, updated_at, id);
