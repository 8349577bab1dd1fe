-- The read tables are projections (README "Event sourcing"): certifications (certification, certification_cycle,
-- renewal, renewal_certification) of the persons' streams in event_log, and ledger-credits (ledger_credit) of
-- cec.ledger.v1. A rebuild fills a shadow copy of each table and then copies it over the live rows; the service's
-- role cannot create tables, so the shadows are made here, alike in columns, without foreign keys (a later migration
-- that changes a projection table changes its shadow the same way: ProjectionShadowsTest checks it).
create table certification_shadow (like certification including defaults including constraints including indexes);
create table certification_cycle_shadow
    (like certification_cycle including defaults including constraints including indexes);
create table renewal_shadow (like renewal including defaults including constraints including indexes);
create table renewal_certification_shadow
    (like renewal_certification including defaults including constraints including indexes);
create table ledger_credit_shadow (like ledger_credit including defaults including constraints including indexes);
