namespace Buurtbudget.Grains.Neighbourhoods;

/// <summary>
/// What a voter keeps: where their ballot sits in the ledger and the hash of that entry. The hash covers the
/// ballot and, through the chain, everything recorded before it; anyone can later find it in the published list.
/// </summary>
public sealed record BallotReceipt(string StreamId, long Position, string EntryHash)
{
    /// <summary>The printable form, for example <c>neighbourhood/oost#42:9f2c…</c>.</summary>
    public override string ToString() => $"{StreamId}#{Position}:{EntryHash}";
}
