-- Least privilege (docs/security.md): the service runs as a role that owns nothing (the placeholder runtime_role,
-- quarkus.datasource.username); these migrations run as the role that owns the schema and grant the runtime role
-- only what the service does with its own tables. Repeatable (Flyway runs it after the versioned migrations whenever
-- it changes) and idempotent, so a database migrated before this file existed gets the same rights as a new one.
-- Tables created by later migrations get the runtime rights from the default privileges; a table that needs less
-- (like event_log) revokes them here.

-- Nobody but the owner creates objects: not in the public schema, not as a new schema of this database. (A role
-- that does not own the database or the schema gets a warning here, not an error.)
revoke create on schema public from public;

do $$
declare
    runtime text := '${runtime_role}';
begin
    execute format('revoke create on database %I from public', current_database());
    if runtime = current_user then
        -- dev and test servers without separate roles: revoking from ourselves would lock the migrations out
        raise notice 'the service runs as the schema owner (%): no runtime role to grant to', runtime;
        return;
    end if;
    execute format('grant usage on schema public to %I', runtime);

    -- The service reads and writes its own tables and takes numbers from their sequences; no TRUNCATE, REFERENCES
    -- or TRIGGER, and no ALTER (only an owner may alter a table, so the runtime role can never disable a trigger).
    execute format('grant select, insert, update, delete on all tables in schema public to %I', runtime);
    execute format('grant usage, select on all sequences in schema public to %I', runtime);
    execute format('alter default privileges in schema public grant select, insert, update, delete on tables to %I', runtime);
    execute format('alter default privileges in schema public grant usage, select on sequences to %I', runtime);

    -- The event log is append-only: the service inserts events and stamps published_at (once: the trigger refuses a
    -- second stamp and any other change), and may neither delete events nor change any other column.
    execute format('revoke update, delete, truncate on event_log from %I', runtime);
    execute format('grant update (published_at) on event_log to %I', runtime);

    -- Flyway's record of the migrations is the owner's business.
    execute format('revoke all on flyway_schema_history from %I', runtime);
end $$;
