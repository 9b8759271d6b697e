-- The 担当 column of the 受信 list counts, per listed item and 担当, its persons and their
-- routes' versions. This index holds every column that count reads, so the fifty items' routes
-- are read from it alone, already grouped by item and 担当, without visiting each route row.
create index delivery_route_brief_idx
    on delivery_route (delivery_id, assignee_id, office_id, version, routed_at, insurer, insured);
