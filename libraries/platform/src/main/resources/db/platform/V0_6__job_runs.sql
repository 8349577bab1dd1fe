-- The last run of each scheduled job (JobRunner), whether the scheduler or a staff request started it: kept here so
-- that the operations page still shows it after a restart. One row per job, overwritten by each run (service clock).
create table job_last_run (
    job          text        primary key,
    started_at   timestamptz not null,
    finished_at  timestamptz not null,
    outcome      text        not null check (outcome in ('SUCCEEDED', 'FAILED')),
    summary      text        not null,
    triggered_by text        not null check (triggered_by in ('SCHEDULE', 'REQUEST'))
);
