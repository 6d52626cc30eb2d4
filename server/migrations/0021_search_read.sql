-- Search read path (docs/search.md#matching-and-ranking): relevance ranks a bounded candidate
-- set gathered in tiers, each from its own index, instead of scoring every matching row.
-- The write path is unchanged: both indexes are over columns the trigger and the ingest bulk
-- statement already fill (search_title, search_vector).

-- Tiers 0 and 1: the folded title is the query, or starts with it (a range in byte order).
CREATE INDEX events_search_title_c_idx ON events ((search_title COLLATE "C"));
-- Tiers 2 and 4: title matches. The title's lexemes are weight A of search_vector; this index
-- holds only them, so a word that is in many descriptions but few titles reads few postings.
CREATE INDEX events_search_title_lexemes_idx ON events USING gin (ts_filter(search_vector, '{a}'));
-- A prefix word's completions: a range of the vocabulary in byte order.
CREATE INDEX search_vocabulary_word_c_idx ON search_vocabulary ((word COLLATE "C"));
