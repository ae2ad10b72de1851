namespace Buurtbudget.Ledger.Verification;

/// <summary>
/// One stream's result: either its verified <see cref="Head"/> (version and hash, to compare with a published
/// fingerprint) or the first <see cref="Problem"/> found along its chain.
/// </summary>
/// <param name="Entries">How many entry rows the stream has.</param>
/// <param name="ExpectedHeadVersion">When an expected head was given and found, the version that has that hash
/// (below <c>Head.Version</c> if the stream grew after the fingerprint was published).</param>
public sealed record StreamVerdict(string StreamId, long Entries, StreamHead? Head, LedgerProblem? Problem, long? ExpectedHeadVersion = null)
{
    public bool IsIntact => Problem is null;
}
