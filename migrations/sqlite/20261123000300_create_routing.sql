-- Routing of received items to the staff member in charge (issue 7): the client roster
-- (利用者台帳), partner rules (送信元ルール), absence cover (不在と代理), one route per received
-- item and insured person with its work status, the item's history and internal notes, the
-- roster import staging area, and per-person notification mode with its digest queue.

-- 利用者台帳: one row per insured person the office deals with, and who is in charge (担当).
-- Rows fill themselves (a sender becomes 担当 of persons they send for; persons seen in received
-- files are added unassigned); managers edit, import and export them.
create table client_roster (
    office_id text not null references office (office_id),
    -- 保険者番号 (6 digits) and 被保険者番号 (10 digits or H + 9 digits).
    insurer text not null,
    insured text not null,
    name text not null default '',
    kana text not null default '',
    -- 生年月日 as YYYYMMDD, or empty.
    birth_date text not null default '',
    assignee_id text references staff_account (user_id),
    -- How the row came: sent, received, edited, imported.
    source text not null,
    created_at bigint not null,
    updated_at bigint not null,
    updated_by text references staff_account (user_id),
    -- Bumped on every change: forms carry it, so a stale form cannot overwrite a newer edit.
    version bigint not null default 1,
    primary key (office_id, insurer, insured)
);
create index client_roster_assignee_idx on client_roster (assignee_id);
create index client_roster_office_assignee_idx on client_roster (office_id, assignee_id);
create index client_roster_updated_by_idx on client_roster (updated_by);

-- 送信元ルール: items from this partner office go to this staff member when the roster names
-- no one for the person.
create table routing_rule (
    office_id text not null references office (office_id),
    partner_office_id text not null references office (office_id),
    assignee_id text not null references staff_account (user_id),
    updated_at bigint not null,
    updated_by text references staff_account (user_id),
    primary key (office_id, partner_office_id)
);
create index routing_rule_partner_idx on routing_rule (partner_office_id);
create index routing_rule_assignee_idx on routing_rule (assignee_id);
create index routing_rule_updated_by_idx on routing_rule (updated_by);

-- 不在と代理: while absent_id is away (from starts_at up to ends_at), new items go to cover_id.
create table absence_cover (
    cover_id text primary key,
    office_id text not null references office (office_id),
    absent_id text not null references staff_account (user_id),
    cover_user_id text not null references staff_account (user_id),
    starts_at bigint not null,
    ends_at bigint not null,
    created_by text not null references staff_account (user_id),
    created_at bigint not null,
    cancelled_at bigint
);
create index absence_cover_office_idx on absence_cover (office_id, absent_id, starts_at);
create index absence_cover_absent_idx on absence_cover (absent_id);
create index absence_cover_cover_idx on absence_cover (cover_user_id);
create index absence_cover_created_by_idx on absence_cover (created_by);

-- One route per received delivery and insured person (insurer/insured empty for an item
-- without persons, such as an attachment): who has it, why, and the work status.
create table delivery_route (
    route_id text primary key,
    delivery_id text not null references delivery (delivery_id),
    -- The receiving office.
    office_id text not null references office (office_id),
    insurer text not null,
    insured text not null,
    person_name text not null default '',
    assignee_id text references staff_account (user_id),
    reason text not null check (reason in ('roster', 'rule', 'unassigned', 'manual', 'cover', 'taken', 'handover')),
    status text not null check (status in ('unread', 'in_progress', 'imported', 'done')),
    routed_at bigint not null,
    updated_at bigint not null,
    updated_by text references staff_account (user_id),
    version bigint not null default 1,
    unique (delivery_id, insurer, insured)
);
create index delivery_route_assignee_idx on delivery_route (office_id, assignee_id, status, delivery_id);
create index delivery_route_user_idx on delivery_route (assignee_id);
create index delivery_route_updated_by_idx on delivery_route (updated_by);

-- The item's history (routing, assignment, status) and internal notes (メモ), office-only:
-- the partner office never sees these rows.
create table delivery_work_event (
    event_id text primary key,
    delivery_id text not null references delivery (delivery_id),
    office_id text not null references office (office_id),
    user_id text references staff_account (user_id),
    kind text not null check (kind in ('routed', 'assigned', 'status', 'note', 'taken')),
    -- What happened, in Japanese, as the history shows it.
    detail text not null,
    -- The note's text (kind = note).
    body text not null default '',
    at bigint not null
);
create index delivery_work_event_delivery_idx on delivery_work_event (delivery_id, at);
create index delivery_work_event_office_idx on delivery_work_event (office_id);
create index delivery_work_event_user_idx on delivery_work_event (user_id);

-- A roster CSV waiting for confirmation (import is all-or-nothing after a preview).
create table roster_import (
    import_id text primary key,
    office_id text not null references office (office_id),
    created_by text not null references staff_account (user_id),
    file_name text not null,
    content text not null,
    created_at bigint not null,
    applied_at bigint
);
create index roster_import_office_idx on roster_import (office_id);
create index roster_import_created_by_idx on roster_import (created_by);

-- まとめて通知 (daily digest): items waiting for the person's daily mail.
create table notify_pending (
    pending_id text primary key,
    office_id text not null references office (office_id),
    user_id text not null references staff_account (user_id),
    delivery_id text not null references delivery (delivery_id),
    partner_name text not null,
    created_at bigint not null,
    sent_at bigint
);
create index notify_pending_office_idx on notify_pending (office_id, sent_at);
create index notify_pending_user_idx on notify_pending (user_id);
create index notify_pending_delivery_idx on notify_pending (delivery_id);

-- 通知の設定: immediate (each time), digest (once a day), off. Replaces the on/off column.
alter table staff_account add column notify_mode text not null default 'immediate';
update staff_account set notify_mode = 'off' where new_items_mail_off_at is not null;
