namespace Buurtbudget.Ledger;

/// <summary>
/// A grain's state as of <see cref="Head"/>, so activation replays only later entries. Snapshots are a cache,
/// not history: they are outside the hash chain, and a snapshot whose head does not match the ledger is ignored.
/// </summary>
public sealed record Snapshot(string StreamId, StreamHead Head, ReadOnlyMemory<byte> State);
