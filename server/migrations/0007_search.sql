-- Event search: a weighted, accent-folded, multi-language tsvector kept on each event by a
-- trigger (same transaction as the write, so a new or edited event is searchable at commit),
-- and the vocabulary of indexed words that typo tolerance looks candidates up in.
-- Design and ranking: docs/search.md.

CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE EXTENSION IF NOT EXISTS unaccent;
CREATE EXTENSION IF NOT EXISTS fuzzystrmatch;

-- The folded form every indexed and queried word goes through: no accents, lower case,
-- letters and digits separated by single spaces. unaccent(text) is only STABLE (it looks its
-- dictionary up by name through the search path); naming the dictionary makes the result
-- fixed, so this wrapper is IMMUTABLE and may feed a stored vector and an index.
CREATE FUNCTION search_fold(t text) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT AS $$
    SELECT btrim(regexp_replace(lower(public.unaccent('public.unaccent'::regdictionary, t)), '[^[:alnum:]]+', ' ', 'g'))
$$;

-- One field's lexemes: the folded words themselves ('simple': exact, prefix and typo matches)
-- plus their English, German and French stems. Events carry no language, so every field is
-- stemmed in each catalog language and a query word matches any of its stems.
CREATE FUNCTION search_field_vector(t text) RETURNS tsvector LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT to_tsvector('simple', f) || to_tsvector('english', f) || to_tsvector('german', f) || to_tsvector('french', f)
    FROM (SELECT coalesce(search_fold(t), '') AS f) folded
$$;

-- The weighted document: A title, B performers and venue, C tags and category, D description.
CREATE FUNCTION search_document(title text, people text, labels text, description text) RETURNS tsvector
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT setweight(search_field_vector(title), 'A') || setweight(search_field_vector(people), 'B')
        || setweight(search_field_vector(labels), 'C') || setweight(search_field_vector(description), 'D')
$$;

-- Highlighting parses the original text; this configuration folds accents and case like
-- search_fold, so "Müller" lights up for the query "muller".
CREATE TEXT SEARCH CONFIGURATION marquee_fold (COPY = simple);
ALTER TEXT SEARCH CONFIGURATION marquee_fold
    ALTER MAPPING FOR asciiword, asciihword, hword_asciipart, word, hword, hword_part, numword, numhword, hword_numpart
    WITH unaccent, simple;

-- Every folded word of 4+ characters that appears in an event. Typo tolerance needs a word of
-- 5+ characters within one edit, so shorter words can never be a candidate. Words are never
-- removed: a stale one only costs a candidate that matches no event.
CREATE TABLE search_vocabulary (
    word text PRIMARY KEY
);
CREATE INDEX search_vocabulary_trgm_idx ON search_vocabulary USING gin (word gin_trgm_ops);

-- search_title: the folded title, so ranking compares whole titles without folding per row.
ALTER TABLE events ADD COLUMN search_vector tsvector NOT NULL DEFAULT ''::tsvector,
                   ADD COLUMN search_title text NOT NULL DEFAULT '';

-- The people and label texts of one event (venue and category names live in other tables).
CREATE FUNCTION search_event_people(performers text[], venue_id uuid) RETURNS text LANGUAGE sql STABLE AS $$
    SELECT array_to_string(performers, ' ') || ' '
        || coalesce((SELECT name || ' ' || city FROM venues WHERE id = venue_id), '')
$$;
CREATE FUNCTION search_event_labels(tags text[], category_id text) RETURNS text LANGUAGE sql STABLE AS $$
    SELECT array_to_string(tags, ' ') || ' ' || replace(category_id, '.', ' ') || ' '
        || coalesce((SELECT string_agg(c.name, ' ') FROM categories c
                     WHERE c.id = category_id OR category_id LIKE c.id || '.%'), '')
$$;

-- Adds the words of a text to the vocabulary. Sorted, so two writers adding the same new
-- words take their row locks in the same order and cannot deadlock.
CREATE FUNCTION search_learn_words(t text) RETURNS void LANGUAGE sql AS $$
    INSERT INTO search_vocabulary (word)
    SELECT DISTINCT w FROM regexp_split_to_table(coalesce(search_fold(t), ''), ' ') AS w
    WHERE char_length(w) >= 4 ORDER BY 1
    ON CONFLICT (word) DO NOTHING
$$;

CREATE FUNCTION events_search_refresh() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    people text := search_event_people(NEW.performers, NEW.venue_id);
    labels text := search_event_labels(NEW.tags, NEW.category_id);
BEGIN
    NEW.search_vector := search_document(NEW.title, people, labels, NEW.description);
    NEW.search_title := coalesce(search_fold(NEW.title), '');
    PERFORM search_learn_words(concat_ws(' ', NEW.title, people, labels, NEW.description));
    RETURN NEW;
END
$$;
CREATE TRIGGER events_search_refresh BEFORE INSERT OR UPDATE OF title, description, tags, performers, venue_id, category_id
    ON events FOR EACH ROW EXECUTE FUNCTION events_search_refresh();

-- A renamed venue or category re-indexes its events (the no-op SET fires the trigger above).
CREATE FUNCTION venues_search_refresh() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE events SET venue_id = venue_id WHERE venue_id = NEW.id;
    RETURN NULL;
END
$$;
CREATE TRIGGER venues_search_refresh AFTER UPDATE OF name, city ON venues
    FOR EACH ROW WHEN (OLD.name IS DISTINCT FROM NEW.name OR OLD.city IS DISTINCT FROM NEW.city)
    EXECUTE FUNCTION venues_search_refresh();
CREATE FUNCTION categories_search_refresh() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE events SET category_id = category_id WHERE category_id = NEW.id OR category_id LIKE NEW.id || '.%';
    RETURN NULL;
END
$$;
CREATE TRIGGER categories_search_refresh AFTER UPDATE OF name ON categories
    FOR EACH ROW WHEN (OLD.name IS DISTINCT FROM NEW.name) EXECUTE FUNCTION categories_search_refresh();

-- Rebuilds every vector and the vocabulary in set-based statements: for existing rows now,
-- and for bulk loads that skip the per-row trigger (the search benchmark measures this).
CREATE FUNCTION search_reindex() RETURNS void LANGUAGE plpgsql AS $$
BEGIN
    UPDATE events SET search_vector = search_document(title, search_event_people(performers, venue_id),
                                                      search_event_labels(tags, category_id), description),
                      search_title = coalesce(search_fold(title), '');
    INSERT INTO search_vocabulary (word)
    SELECT DISTINCT w FROM events,
         regexp_split_to_table(search_fold(concat_ws(' ', title, search_event_people(performers, venue_id),
                                                     search_event_labels(tags, category_id), description)), ' ') AS w
    WHERE char_length(w) >= 4
    ON CONFLICT (word) DO NOTHING;
END
$$;
SELECT search_reindex();

CREATE INDEX events_search_idx ON events USING gin (search_vector);
-- Suggestions match venue names by folded prefix.
CREATE INDEX venues_search_name_idx ON venues USING gin (search_fold(name) gin_trgm_ops);
