-- Tampering: ballots 4 and 5 are replaced by forged ones ({"ballot":44}, {"ballot":55}) whose hashes were
-- recomputed with ChainHash from the real version 3 onwards, and the head row follows. The whole chain is valid,
-- so only the head published at close catches it (UnexpectedHead; the stream ends at version 5).
-- unhex() is SQLite's; the PostgreSQL tamper tests define the same function with decode(..., 'hex').
DELETE FROM ledger_entries WHERE stream_id = 'ballots' AND version IN (4, 5);
INSERT INTO ledger_entries (stream_id, version, kind, payload, prev_hash, entry_hash) VALUES
    ('ballots', 4, 'BallotCast', unhex('7b2262616c6c6f74223a34347d'),
     unhex('b933abce2b0b0c5a484fbf96c82e32167ddb1b090f193f324061b034e5c44b00'),
     unhex('1c1ed44a6f6ae70d7296f8c58eef924c41df6d2466af375a23da55456cc00f72')),
    ('ballots', 5, 'BallotCast', unhex('7b2262616c6c6f74223a35357d'),
     unhex('1c1ed44a6f6ae70d7296f8c58eef924c41df6d2466af375a23da55456cc00f72'),
     unhex('cdb23aa945a3f9efe28b32ac44caf4ad1c5fd0cdad78d30fdf32658da957b5ba'));
UPDATE ledger_streams
SET version = 5, head_hash = unhex('cdb23aa945a3f9efe28b32ac44caf4ad1c5fd0cdad78d30fdf32658da957b5ba')
WHERE stream_id = 'ballots';
