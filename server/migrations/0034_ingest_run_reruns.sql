-- Re-runs of interrupted ingest runs (session 7). A run that died half-way stays unfinished
-- until a re-run of its payload actually finishes ('done'); every re-run tried counts in
-- rerun_attempts, and after 3 that did not finish the run is given up: status 'quarantined',
-- its error says why, and its payload gets a quarantine entry (ref 'run N') an admin can retry.
ALTER TABLE ingest_runs ADD COLUMN rerun_attempts integer NOT NULL DEFAULT 0;
ALTER TABLE ingest_runs DROP CONSTRAINT ingest_runs_status_check;
ALTER TABLE ingest_runs ADD CONSTRAINT ingest_runs_status_check
    CHECK (status IN ('running', 'done', 'failed', 'interrupted', 'quarantined'));
DROP INDEX ingest_runs_unfinished_idx;
CREATE INDEX ingest_runs_unfinished_idx ON ingest_runs (source_id, id)
    WHERE status NOT IN ('done', 'quarantined') AND completed_by_run_id IS NULL AND completes_run_id IS NULL;
-- The runs of a source, newest first (`sources runs`, the admin screen).
CREATE INDEX ingest_runs_source_idx ON ingest_runs (source_id, id DESC);
-- Before this migration a re-run recorded itself as finishing the interrupted run when it
-- started, so one that then failed left the run finished by nobody: those become unfinished
-- again and the next run of their source re-runs them.
UPDATE ingest_runs r SET completed_by_run_id = NULL
FROM ingest_runs b WHERE b.id = r.completed_by_run_id AND b.status <> 'done';
