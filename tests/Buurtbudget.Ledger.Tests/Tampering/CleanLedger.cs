using System.Text;

namespace Buurtbudget.Ledger.Tests.Tampering;

/// <summary>
/// The ledger every tamper fixture is applied to: "ballots" with five ballots and "proposals" with three, appended
/// one entry at a time. Its content is fixed, so its hashes are too (rewrite-suffix.sql relies on that).
/// </summary>
internal static class CleanLedger
{
    public const string Ballots = "ballots";
    public const string Proposals = "proposals";

    /// <summary>Builds it and returns the heads that would be published at close (the fingerprints).</summary>
    public static async Task<Dictionary<string, EntryHash>> BuildAsync(IEventLedger ledger)
    {
        var heads = new Dictionary<string, EntryHash>(StringComparer.Ordinal);
        foreach (var (stream, kind, field, count) in new[] { (Ballots, "BallotCast", "ballot", 5), (Proposals, "ProposalSubmitted", "proposal", 3) })
        {
            var head = StreamHead.Empty;
            for (int i = 1; i <= count; i++)
            {
                var entry = new NewEntry(kind, Encoding.UTF8.GetBytes($$"""{"{{field}}":{{i}}}"""));
                head = (await ledger.AppendAsync(stream, head, [entry]))[^1].Head;
            }

            heads[stream] = head.Hash;
        }

        return heads;
    }

    public static string Fixture(string name) =>
        File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Tampering", "Fixtures", name));
}
