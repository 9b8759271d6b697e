-- The navigation's 未割当 count and the 未割当 queue now read the items' briefs
-- (route_brief_unassigned_idx); this index of unassigned routes has no reader left and only
-- cost every routed send its upkeep.
drop index delivery_route_unassigned_idx;
