-- 予実突合: the office's 実績 reminder setting and a log of the reminders sent.

-- One row per office that changed the setting; no row means the default (the 3rd).
create table reconcile_setting (
    office_id text primary key references office (office_id),
    -- Day of the month (1-28) the reminder goes out; null = no reminder.
    reminder_day bigint,
    updated_at bigint not null,
    updated_by text not null references staff_account (user_id)
);
create index reconcile_setting_updated_by_idx on reconcile_setting (updated_by);

-- One row per office and 対象年月 once its reminder was handled (sent, or nothing to send), so
-- the scheduler sends at most one reminder per month even with several instances running.
create table reconcile_reminder (
    office_id text not null references office (office_id),
    target_month text not null,
    handled_at bigint not null,
    -- Partners listed and mails queued (0 when every 実績 had arrived).
    partner_count bigint not null,
    mail_count bigint not null,
    primary key (office_id, target_month)
);

-- Second wall between tenants.
alter table reconcile_setting enable row level security;
alter table reconcile_setting force row level security;
create policy reconcile_setting_scope on reconcile_setting
    using (office_id = nullif(current_setting('app.office_id', true), ''));

alter table reconcile_reminder enable row level security;
alter table reconcile_reminder force row level security;
create policy reconcile_reminder_scope on reconcile_reminder
    using (office_id = nullif(current_setting('app.office_id', true), ''));

grant select, insert, update on reconcile_setting to portal_app;
grant select, insert on reconcile_reminder to portal_app;
