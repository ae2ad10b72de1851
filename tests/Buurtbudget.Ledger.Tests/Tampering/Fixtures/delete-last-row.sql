-- Tampering: the last ballot disappears, but the head row still names it.
-- Caught by the head row (HeadMismatch at version 5).
DELETE FROM ledger_entries WHERE stream_id = 'ballots' AND version = 5;
