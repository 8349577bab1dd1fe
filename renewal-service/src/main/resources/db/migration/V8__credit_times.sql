-- When each ledger credit was earned and voided (CECEarned.recordedAt, CECVoided.voidedAt), and when an audit decided
-- to count a replacement credit (AuditDecided.decidedAt): a person's certifications as of a past day count only what
-- was known by the end of that day (README "Event sourcing"). The projection writes them from the events, so a
-- rebuild gives the events' times. Rows written before this migration carry no such time; the nearest they have is
-- used: earned_at = projected_at (when the credit reached this service), voided_at = updated_at of voided rows (their
-- last write), decided_at = recorded_at (when the decision reached this service). Additive only.
alter table ledger_credit add column earned_at timestamptz, add column voided_at timestamptz;
alter table ledger_credit_shadow add column earned_at timestamptz, add column voided_at timestamptz;
update ledger_credit set earned_at = projected_at where earned;
update ledger_credit set voided_at = updated_at where voided;

alter table audit_replacement_credit add column decided_at timestamptz;
update audit_replacement_credit set decided_at = recorded_at;
alter table audit_replacement_credit alter column decided_at set not null;
