-- Tampering: the last ballot disappears AND the head row is moved back to version 4. The remaining chain is valid,
-- so only the head published at close (the fingerprint) catches it (UnexpectedHead; the stream now ends at 4).
DELETE FROM ledger_entries WHERE stream_id = 'ballots' AND version = 5;
UPDATE ledger_streams
SET version = 4,
    head_hash = (SELECT e.entry_hash FROM ledger_entries e WHERE e.stream_id = 'ballots' AND e.version = 4)
WHERE stream_id = 'ballots';
