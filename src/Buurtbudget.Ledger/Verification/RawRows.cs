namespace Buurtbudget.Ledger.Verification;

/// <summary>
/// One row of <c>ledger_entries</c> exactly as stored: bytes, not <see cref="EntryHash"/>, because a tampered row
/// may hold a hash of the wrong length and the verifier must report it rather than fail to read it.
/// </summary>
public sealed record RawEntryRow(string StreamId, long Version, string Kind, byte[] Payload, byte[] PreviousHash, byte[] EntryHash);

/// <summary>One row of <c>ledger_streams</c>: what the store believes a stream's head is.</summary>
public sealed record RawHeadRow(string StreamId, long Version, byte[] HeadHash);

/// <summary>Everything the verifier looks at, read straight from the tables (never through <see cref="IEventLedger"/>).</summary>
/// <param name="Entries">In the order the store returned them: by stream, then by version.</param>
public sealed record LedgerRows(IReadOnlyList<RawEntryRow> Entries, IReadOnlyList<RawHeadRow> Heads);
