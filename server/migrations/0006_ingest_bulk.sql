-- Ingestion at feed scale (issue 5): the cross-source duplicate lookup asks for events at one
-- venue within minutes of a start time; with only (venue_id) every probe read all of that
-- venue's events. The composite index serves plain venue_id lookups (and the venue FK) too.
CREATE INDEX events_venue_starts_idx ON events (venue_id, starts_at);
DROP INDEX events_venue_idx;
