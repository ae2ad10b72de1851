-- Tampering: a forged ballot is slipped in at version 7 (skipping 6), linked to the real head, and the head row is
-- moved to it. Caught by the chain alone: version 6 is missing (MissingVersion at version 6).
INSERT INTO ledger_entries (stream_id, version, kind, payload, prev_hash, entry_hash)
    SELECT stream_id, 7, kind, payload, entry_hash, entry_hash
    FROM ledger_entries WHERE stream_id = 'ballots' AND version = 5;
UPDATE ledger_streams
SET version = 7,
    head_hash = (SELECT e.entry_hash FROM ledger_entries e WHERE e.stream_id = 'ballots' AND e.version = 7)
WHERE stream_id = 'ballots';
