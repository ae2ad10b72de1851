-- Tampering: two ballots swap contents (versions 2 and 4), as if to move votes between voters.
-- Caught by the chain alone: version 2 no longer hashes to its entry_hash (AlteredEntry at version 2).
CREATE TEMP TABLE swapped AS
    SELECT version, payload FROM ledger_entries WHERE stream_id = 'ballots' AND version IN (2, 4);
UPDATE ledger_entries
SET payload = (SELECT s.payload FROM swapped s WHERE s.version = 6 - ledger_entries.version)
WHERE stream_id = 'ballots' AND version IN (2, 4);
DROP TABLE swapped;
