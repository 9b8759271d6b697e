-- 版の管理 (version chains). Every record set a delivery carries for one version key
-- (保険者番号 + 被保険者番号 + 計画作成(変更)日 or 対象年月, plus the provider for 実績) is one
-- row here, and so is every key a deletion file (DLT*) names. Nothing is ever removed: the
-- state of each row is recomputed from the whole chain whenever a send adds to it, ordered by
-- ファイル連番, so an older 連番 that arrives late never becomes 最新.
create table doc_version (
    version_id text primary key,
    -- The two offices of the delivery; both see the chain (like `delivery`).
    from_office_id text not null references office (office_id),
    to_office_id text not null references office (office_id),
    delivery_id text not null references delivery (delivery_id),
    -- plan (第1〜3表), usage (第6/7表), actuals (実績), basic_info, prevention_plan.
    entity text not null,
    insurer text not null,
    insured text not null,
    -- 計画作成(変更)日 / 相談日 (YYYYMMDD) or 対象年月 (YYYYMM).
    anchor text not null,
    -- 実績 only: サービス事業者コード + サービス種類コード (DLTJSK deletes per type); '' otherwise.
    provider text not null,
    -- upsert: a version; delete: a DLT* file's key.
    action text not null check (action in ('upsert', 'delete')),
    send_stamp text not null,
    sent_at bigint not null,
    -- 利用者氏名 / フリガナ where the unit carries them (補足, 基本情報, 予防計画).
    person_name text,
    person_kana text,
    -- Another name seen for the same 被保険者番号 (in this unit, or the previous version):
    -- a key conflict shown on the pages; the chain still follows the spec's key.
    conflict_name text,
    -- Derived from the chain: latest, superseded, old_plan, withdrawn, deletion.
    state text not null,
    -- 版 n within the series (same key), by 連番; 0 for deletions. (m and the current latest
    -- are read from the chain, so a new version updates only the rows whose state changes.)
    version_no bigint not null,
    -- The previous version of the same document (the default of the diff).
    previous_version_id text references doc_version (version_id),
    -- The deletion that withdrew this version (取消).
    withdrawn_by text references doc_version (version_id),
    -- Deletions: how many versions they withdrew (0: a key never received).
    withdrew_count bigint not null default 0,
    -- 内容確認済 by the receiving office.
    confirmed_at bigint,
    confirmed_by text references staff_account (user_id),
    created_at bigint not null
);
create index doc_version_chain_idx on doc_version (from_office_id, to_office_id, insurer, insured, entity);
create index doc_version_to_idx on doc_version (to_office_id, insurer, insured);
create index doc_version_delivery_idx on doc_version (delivery_id);
create index doc_version_previous_idx on doc_version (previous_version_id);
create index doc_version_withdrawn_by_idx on doc_version (withdrawn_by);
create index doc_version_confirmed_by_idx on doc_version (confirmed_by);
create index doc_version_sender_state_idx on doc_version (from_office_id, state);

-- The files (and their records) that make up a version: which rows of which file.
create table doc_version_file (
    version_id text not null references doc_version (version_id),
    file_id text not null references stored_file (file_id),
    from_office_id text not null references office (office_id),
    to_office_id text not null references office (office_id),
    -- Standard prefix (UP1KYO, UPPLAN …).
    kind text not null,
    -- 0-based record indices in the file's parsed table, as ranges: "0-9,15-15".
    row_ranges text not null,
    row_count bigint not null,
    primary key (version_id, file_id)
);
create index doc_version_file_file_idx on doc_version_file (file_id);
create index doc_version_file_from_idx on doc_version_file (from_office_id);
create index doc_version_file_to_idx on doc_version_file (to_office_id);

-- Second wall: a chain is visible to the two offices of its deliveries, and to no one else.
alter table doc_version enable row level security;
alter table doc_version force row level security;
create policy doc_version_scope on doc_version
    using (from_office_id = nullif(current_setting('app.office_id', true), '')
           or to_office_id = nullif(current_setting('app.office_id', true), ''));

alter table doc_version_file enable row level security;
alter table doc_version_file force row level security;
create policy doc_version_file_scope on doc_version_file
    using (from_office_id = nullif(current_setting('app.office_id', true), '')
           or to_office_id = nullif(current_setting('app.office_id', true), ''));

grant select, insert, update on doc_version to portal_app;
grant select, insert on doc_version_file to portal_app;
