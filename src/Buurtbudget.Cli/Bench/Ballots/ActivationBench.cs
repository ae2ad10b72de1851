using System.Diagnostics;
using Buurtbudget.Cli.Bench.Ledger;
using Buurtbudget.Grains.Neighbourhoods;
using Buurtbudget.Ledger;

namespace Buurtbudget.Cli.Bench.Ballots;

/// <summary>
/// How long a neighbourhood with many ballots takes to come back: the stream is built once by casting through the
/// grain (so it holds exactly what production writes, snapshots at the grain's interval included), then fresh
/// runtimes activate it with the newest snapshot and, on the same stream, replaying from the first entry.
/// </summary>
internal sealed class ActivationBench(IEventLedger ledger, BallotSecrecy secrecy, int snapshotEvery, Eligibility eligibility, TextWriter progress)
{
    private const string Prefix = "activation";

    /// <summary>Enough concurrent voters that the build is many ballots per commit, so it stays quick.</summary>
    private const int BuildClients = 256;

    private static readonly TimeSpan BuildLimit = TimeSpan.FromMinutes(3);

    public async Task<IReadOnlyList<ActivationResult>> RunAsync(string store, int ballots, int runs)
    {
        progress.WriteLine($"bench-ballots: {store}: building a neighbourhood with {ballots} ballots ({BuildClients} concurrent voters)");
        long built;
        var runtime = BallotRuntime.Create(ledger, secrecy, snapshotEvery);
        await using (runtime.ConfigureAwait(false))
        {
            var scenario = await BallotScenario.SetUpAsync(runtime, Prefix, 1, ballots, eligibility).ConfigureAwait(false);
            var build = await ClosedLoop.RunAsync(BuildClients, BuildLimit, ballots, _ => scenario.CastNextAsync).ConfigureAwait(false);
            built = build.Operations;
            progress.WriteLine($"bench-ballots: {store}: built {built} ballots in {build.Seconds:0.0} s");
        } // Disposing waits for a snapshot still being written.

        var stream = NeighbourhoodGrain.StreamPrefix + BallotScenario.NeighbourhoodId(Prefix, 0);
        var head = await ledger.ReadHeadAsync(stream).ConfigureAwait(false);
        var snapshot = await ledger.ReadSnapshotAsync(stream).ConfigureAwait(false);
        var withoutSnapshots = new SnapshotlessLedger(ledger);
        var timed = new List<double>[] { [], [] };
        progress.WriteLine($"bench-ballots: {store}: {runs} activations with the snapshot and {runs} replaying from the start, alternating");
        for (int run = 0; run < runs; run++)
        {
            timed[0].Add(await TimeActivationAsync(ledger, built).ConfigureAwait(false));
            timed[1].Add(await TimeActivationAsync(withoutSnapshots, built).ConfigureAwait(false));
        }

        return
        [
            Result(store, built, true, snapshot?.Head.Version, snapshot?.State.Length, head.Version, timed[0], snapshotEvery),
            Result(store, built, false, null, null, head.Version, timed[1], snapshotEvery),
        ];
    }

    /// <summary>A new runtime (nothing cached), then the first call: that call waits for the activation to load.</summary>
    private async Task<double> TimeActivationAsync(IEventLedger source, long expectedTurnout)
    {
        var runtime = BallotRuntime.Create(source, secrecy, snapshotEvery);
        await using (runtime.ConfigureAwait(false))
        {
            // Garbage from the previous activation is not charged to this one.
            GC.Collect();
            GC.WaitForPendingFinalizers();
            GC.Collect();
            var neighbourhood = runtime.GetGrain<INeighbourhoodGrain>(BallotScenario.NeighbourhoodId(Prefix, 0));
            long start = Stopwatch.GetTimestamp();
            var view = await neighbourhood.GetCycleAsync(BallotScenario.Cycle).ConfigureAwait(false);
            double ms = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
            if (view.Tally?.Turnout != expectedTurnout)
            {
                throw new InvalidOperationException($"The activated neighbourhood counts {view.Tally?.Turnout} ballots, not {expectedTurnout}.");
            }
            return ms;
        }
    }

    private static ActivationResult Result(string store, long ballots, bool withSnapshot, long? snapshotVersion, long? snapshotBytes, long headVersion, List<double> ms, int snapshotEvery) =>
        new(store, ballots, withSnapshot, snapshotEvery, snapshotVersion, snapshotBytes, headVersion, ms.Count, Timing.Median(ms), ms.Min(), ms.Max());
}
