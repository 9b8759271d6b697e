-- A draft's files are read by office and draft. With an index on office alone, SQLite (which
-- keeps no statistics) chose it over the primary key and read every file the office ever
-- uploaded, at every upload and send: the cost grew with the office's history. The index now
-- leads with the office and finds a draft's files, in order, directly on both databases.
drop index outgoing_file_office_idx;
create index outgoing_file_office_idx on outgoing_file (office_id, outgoing_id, position);
