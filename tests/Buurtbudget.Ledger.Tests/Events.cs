using System.Text;

namespace Buurtbudget.Ledger.Tests;

/// <summary>Small, readable entries for tests.</summary>
internal static class Events
{
    public static NewEntry Ballot(int number) => new("BallotCast", Encoding.UTF8.GetBytes($$"""{"ballot":{{number}}}"""));

    public static IReadOnlyList<NewEntry> Ballots(params int[] numbers) => numbers.Select(Ballot).ToArray();

    public static string Text(LedgerEntry entry) => Encoding.UTF8.GetString(entry.Payload.Span);
}
