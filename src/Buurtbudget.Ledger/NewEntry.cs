namespace Buurtbudget.Ledger;

/// <summary>An event to append: its kind (for example <c>BallotCast</c>) and its canonical payload bytes.</summary>
public sealed record NewEntry(string Kind, ReadOnlyMemory<byte> Payload);
