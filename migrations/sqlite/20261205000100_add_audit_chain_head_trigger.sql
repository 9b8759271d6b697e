-- The chain head follows every appended entry inside the engine: an appended row's hash becomes
-- its chain's `last_hash` in the same statement, where the app used to send an `update` of its
-- own after each insert (one statement fewer per audited action; on SQLite each statement is a
-- round trip to the connection's thread while the one write lock is held). The head's sequence
-- number is still taken by the app's upsert before the row is built.
create trigger audit_log_advance_head after insert on audit_log
begin
    update audit_chain set last_hash = new.hash where chain = new.chain;
end;
