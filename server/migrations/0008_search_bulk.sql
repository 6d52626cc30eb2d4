-- Bulk writers (the ingest catalog stage) index their rows in one set-based statement instead
-- of the per-row trigger: they turn marquee.search_bulk on for the statement that writes them
-- (transaction-local) and compute search_vector, search_title and the vocabulary themselves.
CREATE OR REPLACE FUNCTION events_search_refresh() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    people text;
    labels text;
BEGIN
    IF current_setting('marquee.search_bulk', true) = 'on' THEN
        RETURN NEW;
    END IF;
    people := search_event_people(NEW.performers, NEW.venue_id);
    labels := search_event_labels(NEW.tags, NEW.category_id);
    NEW.search_vector := search_document(NEW.title, people, labels, NEW.description);
    NEW.search_title := coalesce(search_fold(NEW.title), '');
    PERFORM search_learn_words(concat_ws(' ', NEW.title, people, labels, NEW.description));
    RETURN NEW;
END
$$;
