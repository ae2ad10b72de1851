-- Tampering: someone with write access changes a ballot. Version 3 of "ballots" now carries ballot 1's payload.
-- Caught by the chain alone: the row's contents no longer hash to its entry_hash (AlteredEntry at version 3).
UPDATE ledger_entries
SET payload = (SELECT e.payload FROM ledger_entries e WHERE e.stream_id = 'ballots' AND e.version = 1)
WHERE stream_id = 'ballots' AND version = 3;
