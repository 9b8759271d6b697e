-- First-start set-up of the compose PostgreSQL (runs once, on an empty data volume, as the
-- superuser from POSTGRES_USER). Mirrors what an operator does on a real server:
--   * `portal`     : login user that owns the database and schema; migrations run as it.
--                    Not a superuser, so row-level security is not bypassed by accident.
--   * `portal_app` : NOLOGIN, NOBYPASSRLS role the app switches to (`set role portal_app`)
--                    after connecting. The migrations create it too if missing.
-- The owner's password comes from the container environment (psql 15+ `\getenv`).

\getenv owner_password PORTAL_DB_PASSWORD

create role portal login password :'owner_password';
create database portal owner portal;

do $$
begin
    if not exists (select 1 from pg_roles where rolname = 'portal_app') then
        create role portal_app nologin nobypassrls;
    end if;
end
$$;

-- The connecting user must be a member of the app role to `set role` to it.
grant portal_app to portal;
