-- The items with persons in 未割当, in delivery order: the navigation's count reads them as a
-- stream of distinct items and stops at its cap, however long the queue grows.
create index delivery_route_unassigned_idx on delivery_route (office_id, delivery_id)
    where assignee_id is null;
