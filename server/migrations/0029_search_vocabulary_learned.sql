-- Search servers keep the vocabulary in memory for typo candidates and prefix completions
-- (services/search_vocabulary.cpp): each search reads only the words learned since the last
-- read. learned_xid is the inserting transaction's id: rows of every transaction older than a
-- snapshot's xmin are visible to that snapshot, so "learned_xid >= the xmin of the previous
-- read" never misses a word that committed late. Rows learned before this migration read as 0
-- (loaded by the first read). The default fills it on every insert path (the event trigger,
-- search_reindex(), the ingest bulk statement) without changing them.
ALTER TABLE search_vocabulary ADD COLUMN learned_xid xid8 NOT NULL DEFAULT '0';
ALTER TABLE search_vocabulary ALTER COLUMN learned_xid SET DEFAULT pg_current_xact_id();
CREATE INDEX search_vocabulary_learned_idx ON search_vocabulary (learned_xid);
