-- Tampering: a ballot in the middle of the stream disappears.
-- Caught by the chain alone: version 3 is missing (MissingVersion at version 3).
DELETE FROM ledger_entries WHERE stream_id = 'ballots' AND version = 3;
