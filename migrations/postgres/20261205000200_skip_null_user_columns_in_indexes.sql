-- These indexes serve lookups by a staff member or version (`column = value`: foreign-key
-- checks, "what did this person do"), never a search for rows where the column is empty. Yet
-- each also held an entry for every row whose column is still NULL, which is most rows when
-- they are written: an item not yet opened or imported, a version nobody confirmed or
-- withdrew, a first version, a draft not yet sent, a system audit entry, a person or route
-- with no 担当 yet. Each send wrote such entries into every one of these indexes (a dirty
-- page each, in SQLite's WAL). Partial indexes keep only the rows that name someone; a lookup
-- `column = value` still uses them.
drop index delivery_first_opened_by_idx;
create index delivery_first_opened_by_idx on delivery (first_opened_by) where first_opened_by is not null;
drop index delivery_imported_by_idx;
create index delivery_imported_by_idx on delivery (imported_by) where imported_by is not null;
drop index doc_version_previous_idx;
create index doc_version_previous_idx on doc_version (previous_version_id) where previous_version_id is not null;
drop index doc_version_withdrawn_by_idx;
create index doc_version_withdrawn_by_idx on doc_version (withdrawn_by) where withdrawn_by is not null;
drop index doc_version_confirmed_by_idx;
create index doc_version_confirmed_by_idx on doc_version (confirmed_by) where confirmed_by is not null;
drop index outgoing_sent_by_idx;
create index outgoing_sent_by_idx on outgoing (sent_by) where sent_by is not null;
drop index audit_log_actor_idx;
create index audit_log_actor_idx on audit_log (actor_user_id) where actor_user_id is not null;
drop index client_roster_assignee_idx;
create index client_roster_assignee_idx on client_roster (assignee_id) where assignee_id is not null;
drop index client_roster_updated_by_idx;
create index client_roster_updated_by_idx on client_roster (updated_by) where updated_by is not null;
drop index delivery_route_user_idx;
create index delivery_route_user_idx on delivery_route (assignee_id) where assignee_id is not null;
drop index delivery_route_updated_by_idx;
create index delivery_route_updated_by_idx on delivery_route (updated_by) where updated_by is not null;
drop index delivery_work_event_user_idx;
create index delivery_work_event_user_idx on delivery_work_event (user_id) where user_id is not null;
