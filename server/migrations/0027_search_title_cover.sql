-- Search read path (docs/search.md#matching-and-ranking): the title tiers of a relevance search
-- (the title starts with the query, or with a corrected form of it) read this index alone. It
-- carries every column those tiers score and filter on, so the up to 200 candidates they take
-- come from index pages in title order, with no heap row (an 8 KB page each at 1,000,000
-- events) and no tsvector: the tier scores by how much of the title the query covers.
-- search_title is both the key (in byte order, for the prefix range) and an included column
-- (an index-only scan returns plain columns only). It replaces 0021's key-only title index.
-- The write path is unchanged: the columns are the ones the trigger and the ingest bulk
-- statement already fill.
CREATE INDEX events_search_title_cover_idx ON events ((search_title COLLATE "C"))
    INCLUDE (search_title, id, venue_id, starts_at, ends_at, category_id, price_min_minor, status);
DROP INDEX events_search_title_c_idx;
