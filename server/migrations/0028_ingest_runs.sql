-- Ingestion in chunks (issue 5): a payload's catalog rows are written in chunks of events that
-- commit on their own, on two connections at once. The raw payload commits first; this row
-- says how far its run got, so a run that died half-way is visible ('running' with nobody
-- holding the source's lock, then 'interrupted') and the next run of the source finishes it by
-- re-running the stored payload (unchanged records are skipped, so nothing is written twice).
CREATE TABLE ingest_runs (
    id                  bigserial PRIMARY KEY,
    source_id           bigint NOT NULL REFERENCES sources (id) ON DELETE CASCADE,
    raw_payload_id      bigint REFERENCES raw_payloads (id) ON DELETE SET NULL,
    status              text NOT NULL DEFAULT 'running'
                        CHECK (status IN ('running', 'done', 'failed', 'interrupted')),
    started_at          timestamptz NOT NULL DEFAULT now(),
    finished_at         timestamptz,
    chunks_total        integer NOT NULL DEFAULT 0,
    chunks_committed    integer NOT NULL DEFAULT 0,
    counts              jsonb,
    error               text NOT NULL DEFAULT '',
    -- This run re-ran the payload of an interrupted run; it is not finished again if it fails.
    completes_run_id    bigint REFERENCES ingest_runs (id) ON DELETE SET NULL,
    -- The run that finished this one (by re-running its payload, or by ingesting the same one).
    completed_by_run_id bigint REFERENCES ingest_runs (id) ON DELETE SET NULL
);
CREATE INDEX ingest_runs_unfinished_idx ON ingest_runs (source_id, id)
    WHERE status <> 'done' AND completed_by_run_id IS NULL AND completes_run_id IS NULL;
