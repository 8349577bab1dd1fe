-- When each credit first reached the projection (the clock at insert, not the transaction start, so rows of one
-- batch transaction keep their own times): the benchmark measures the ledger→projection lag with it. Additive only.
alter table ledger_credit add column projected_at timestamptz not null default clock_timestamp();
