-- The window of completion dates a renewal counted for each cycle renewed (null for renewals recorded before: the
-- service derives it from the previous cycle's start and the renewal date). Additive only.
alter table renewal_certification add column counted_from date, add column counted_to date;
