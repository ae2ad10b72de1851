using System.Text;
using Buurtbudget.Ledger;

namespace Buurtbudget.Cli.Tests;

/// <summary>A small real ledger for the verify command: "ballots" with four ballots and "proposals" with two.</summary>
internal static class VerifyLedgers
{
    public static async Task<Dictionary<string, StreamHead>> FillAsync(IEventLedger ledger)
    {
        var heads = new Dictionary<string, StreamHead>(StringComparer.Ordinal);
        foreach (var (stream, count) in new[] { ("ballots", 4), ("proposals", 2) })
        {
            var head = StreamHead.Empty;
            for (int i = 1; i <= count; i++)
            {
                head = (await ledger.AppendAsync(stream, head, [new NewEntry("Test", Encoding.UTF8.GetBytes($"{stream} {i}"))]))[^1].Head;
            }

            heads[stream] = head;
        }

        return heads;
    }

    /// <summary>Changes version 2 of "ballots" the way someone with write access to the store would.</summary>
    public const string AlterSecondBallot = "UPDATE ledger_entries SET kind = 'Forged' WHERE stream_id = 'ballots' AND version = 2;";
}
