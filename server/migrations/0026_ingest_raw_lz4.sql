-- Ingestion at feed scale (issue 5): every fetched payload is stored as it came, in one bytea
-- value (38 MB for a 100,000-event feed). pglz compressed it at ~80 MB/s in the ingest's
-- transaction; lz4 takes a tenth of that CPU and, for iCalendar text, compresses better.
-- Affects rows written from now on; older rows stay readable as they are.
ALTER TABLE raw_payloads ALTER COLUMN content SET COMPRESSION lz4;
