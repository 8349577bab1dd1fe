-- When the ledger recorded and voided each credit (CECEarned.recordedAt, CECVoided.voidedAt, the ledger's times): a
-- person's audits as of a past day count only the credits recorded, and not yet voided, by the end of that day. The
-- projection writes them from the events, so a rebuild gives the events' times. Rows written before carry none (null)
-- and count as known on every day. Additive only.
alter table ledger_credit add column recorded_at timestamptz, add column voided_at timestamptz;
alter table ledger_credit_shadow add column recorded_at timestamptz, add column voided_at timestamptz;
