-- Tenancy: organisations (法人) own offices (事業所) and employ staff; memberships give a staff
-- member a role in an office. Times are Unix milliseconds (BIGINT) so the same SQL runs on
-- SQLite and PostgreSQL; "disabled" is a nullable time rather than a boolean for the same reason.

-- The app connects, then `set role portal_app`: a role that owns nothing and cannot bypass
-- row-level security. Migrations run as the owner. Roles are cluster-wide, so creating it may
-- race with another database's migration: both outcomes are fine.
do $$
begin
    if not exists (select 1 from pg_roles where rolname = 'portal_app') then
        create role portal_app nologin nobypassrls;
    end if;
exception when duplicate_object or unique_violation then
    null;
end
$$;

create table organisation (
    organisation_id text primary key,
    name text not null,
    created_at bigint not null
);

create table office (
    office_id text primary key,
    organisation_id text not null references organisation (organisation_id),
    -- 事業所番号 (10 digits) and サービス種類コード: together they address an office in file names.
    office_number text not null,
    service_type text not null,
    name text not null,
    address text not null default '',
    created_at bigint not null,
    disabled_at bigint,
    unique (office_number, service_type)
);
create index office_organisation_idx on office (organisation_id);

create table staff_account (
    user_id text primary key,
    organisation_id text not null references organisation (organisation_id),
    -- Login ids and addresses are global: a person signs in before any office is chosen.
    login_id text not null unique,
    email text not null unique,
    display_name text not null,
    password_hash text not null,
    -- Bumped on every password change; sessions remember it, so a change ends other sessions.
    password_version bigint not null default 1,
    created_at bigint not null,
    disabled_at bigint
);
create index staff_account_organisation_idx on staff_account (organisation_id);

create table membership (
    office_id text not null references office (office_id),
    user_id text not null references staff_account (user_id),
    role text not null check (role in ('admin', 'manager', 'staff')),
    created_at bigint not null,
    -- 利用停止 in this office: no login here, current sessions stop at the next request.
    disabled_at bigint,
    primary key (office_id, user_id)
);
create index membership_user_idx on membership (user_id);

-- Second wall between tenants: a membership row is visible only inside its office's scope, or
-- to its own user (login and the office list run with app.user_id set).
alter table membership enable row level security;
alter table membership force row level security;
create policy membership_scope on membership
    using (office_id = nullif(current_setting('app.office_id', true), '')
           or user_id = nullif(current_setting('app.user_id', true), ''))
    with check (office_id = nullif(current_setting('app.office_id', true), ''));

-- tower-sessions' PostgreSQL store table (same shape as its own migrate(), in our versioning).
create table session (
    id text primary key not null,
    data bytea not null,
    expiry_date timestamptz not null
);

grant select, insert, update on organisation, office, staff_account, membership to portal_app;
grant select, insert, update, delete on session to portal_app;
