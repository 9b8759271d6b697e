-- Per-person opt-out of the 「新しいファイルが届きました」 mail (the mail carries no care data:
-- only a count, the partner office's name and a link). Null means the person receives it.
alter table staff_account add column new_items_mail_off_at bigint;
