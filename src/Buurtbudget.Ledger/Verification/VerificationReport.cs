namespace Buurtbudget.Ledger.Verification;

/// <summary>The verdict on every stream looked at, ordered by stream id.</summary>
public sealed record VerificationReport(IReadOnlyList<StreamVerdict> Streams)
{
    public bool IsIntact => Streams.All(s => s.IsIntact);

    public IEnumerable<LedgerProblem> Problems => Streams.Where(s => s.Problem is not null).Select(s => s.Problem!);

    public StreamVerdict Stream(string streamId) => Streams.Single(s => s.StreamId == streamId);
}
