-- The 受信/送信済み lists read newest first with keyset pagination on (sent_at, delivery_id):
-- with the id in the index, a page is one index range scan with no sort.
drop index delivery_to_idx;
drop index delivery_from_idx;
create index delivery_to_idx on delivery (to_office_id, sent_at, delivery_id);
create index delivery_from_idx on delivery (from_office_id, sent_at, delivery_id);
