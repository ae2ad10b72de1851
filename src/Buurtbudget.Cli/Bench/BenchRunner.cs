using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using Buurtbudget.Domain.Elections;
using Buurtbudget.Domain.Pabulib;
using Buurtbudget.Domain.Rules;

namespace Buurtbudget.Cli.Bench;

/// <summary>
/// The benchmark cases, each measured against a baseline taken in the same process on the same data:
/// reading files, Equal Shares on a large city (Łódź 2022) and Equal Shares with add1 completion on a
/// district (Mokotów 2024) and on a city priced in forints (Budapest 2024, ~35,000 add1 steps).
/// </summary>
internal sealed class BenchRunner(string folder, int iterations, bool quick, TextWriter progress)
{
    /// <summary>Most time one case may spend on timed runs; a slow case gets fewer runs (at least one), so the
    /// default run of the whole benchmark stays within a few minutes on two cores.</summary>
    public static readonly TimeSpan CaseBudget = TimeSpan.FromSeconds(60);

    public const string LodzFile = "Poland_Lodz_2022.pb";
    public const string MokotowFile = "Poland_Warszawa_2024_Mokotow.pb";
    public const string BudapestFile = "Hungary_Budapest_2024.pb";

    private static readonly OutcomeRule s_equalShares = OutcomeRule.EqualShares(Utility.Cost);
    private static readonly OutcomeRule s_equalSharesAdd1 = OutcomeRule.EqualShares(Utility.Cost, Completion.Add1);

    // Results land here so the JIT cannot drop work whose result is never used.
    private object? _sink;

    public ImmutableArray<BenchCase> Run()
    {
        string[] files = quick ? [LodzFile, MokotowFile] : [LodzFile, MokotowFile, BudapestFile];
        var paths = files.ToDictionary(f => f, f => PabulibFolder.FileIn(folder, f), StringComparer.Ordinal);

        var cases = ImmutableArray.CreateBuilder<BenchCase>();
        var elections = new Dictionary<string, Election>(StringComparer.Ordinal);
        foreach (var file in files)
        {
            var (readCase, election) = Read(paths[file]);
            cases.Add(readCase);
            elections[file] = election;
        }

        cases.Add(EqualSharesAgainstOnePass(LodzFile, elections[LodzFile]));
        cases.Add(Add1AgainstStepByStep(MokotowFile, elections[MokotowFile]));
        if (!quick)
        {
            cases.Add(Add1AgainstExtrapolation(BudapestFile, elections[BudapestFile]));
        }

        return cases.ToImmutable();
    }

    private (BenchCase Case, Election Election) Read(string path)
    {
        var name = Path.GetFileName(path);
        Report($"reading {name}");
        PabulibFile? file = null;
        var measured = Timing.InterleavedMedians(
            iterations,
            CaseBudget,
            () => file = PabulibReader.Read(path),
            () => _sink = File.ReadAllText(path, Encoding.UTF8));
        var medians = measured.MediansMs;
        var megabytes = new FileInfo(path).Length / 1_000_000.0;
        var election = file!.ToElection();
        var result = new BenchCase(
            "read (PabulibReader)",
            "read",
            $"{Describe(name, election)}, {megabytes.ToString("0.0", CultureInfo.InvariantCulture)} MB",
            medians[0],
            measured.Rounds,
            "File.ReadAllText of the same file",
            medians[1],
            measured.Samples[1],
            BaselineExtrapolated: false,
            TargetMs: null,
            []);
        return (result, election);
    }

    /// <summary>Equal Shares against the cheapest possible look at every ballot: one pass counting approvals.</summary>
    private BenchCase EqualSharesAgainstOnePass(string name, Election election)
    {
        Report($"MES (cost) on {name}");
        Outcome? outcome = null;
        var measured = Timing.InterleavedMedians(
            iterations,
            CaseBudget,
            () => outcome = OutcomeCalculator.Compute(election, s_equalShares),
            () => _sink = CountApprovals(election));
        var medians = measured.MediansMs;
        return new BenchCase(
            "MES (cost)",
            "MES",
            Describe(name, election),
            medians[0],
            measured.Rounds,
            "one pass over all ballots",
            medians[1],
            measured.Samples[1],
            BaselineExtrapolated: false,
            TargetMs: 10,
            [$"selected {outcome!.Selected.Length} projects, total cost {outcome.TotalCost.ToString(CultureInfo.InvariantCulture)}"]);
    }

    /// <summary>Jumping add1 against add1 one step at a time, as the reference implementation does it.</summary>
    private BenchCase Add1AgainstStepByStep(string name, Election election)
    {
        Report($"MES+add1 (cost) on {name}: jumping, step by step, and one plain MES run");
        Outcome? jumping = null, stepByStep = null;
        var measured = Timing.InterleavedMedians(
            iterations,
            CaseBudget,
            () => jumping = OutcomeCalculator.Compute(election, s_equalSharesAdd1, jumpingAdd1: true),
            () => stepByStep = OutcomeCalculator.Compute(election, s_equalSharesAdd1, jumpingAdd1: false),
            () => _sink = OutcomeCalculator.Compute(election, s_equalShares));
        var medians = measured.MediansMs;
        var steps = jumping!.EqualShares!.Add1Steps;
        var extrapolated = steps * medians[2];
        var same = jumping.SelectedSorted.SequenceEqual(stepByStep!.SelectedSorted, StringComparer.Ordinal);
        return new BenchCase(
            "MES+add1 (cost), jumping",
            "MES+add1 jumping",
            Describe(name, election),
            medians[0],
            measured.Rounds,
            "step-by-step add1 (jumpingAdd1: false)",
            medians[1],
            measured.Samples[1],
            BaselineExtrapolated: false,
            TargetMs: 50,
            [
                $"{steps} add1 steps; {jumping.EqualShares.EqualSharesRuns} MES runs jumping, {stepByStep.EqualShares!.EqualSharesRuns} step by step",
                $"jumping and step-by-step selected the same projects: {(same ? "yes" : "NO")}",
                $"check of the Budapest extrapolation: steps × one MES run = {Format(extrapolated)}, "
                    + $"measured step-by-step = {Format(medians[1])} ({Ratio(medians[1] / extrapolated)} the estimate)",
            ]);
    }

    /// <summary>
    /// Budapest's step-by-step add1 would run Equal Shares tens of thousands of times (the reference did not finish), so it
    /// is estimated as steps × the median of plain Equal Shares runs on the same election.
    /// </summary>
    private BenchCase Add1AgainstExtrapolation(string name, Election election)
    {
        Report($"MES+add1 (cost) on {name}: jumping, and plain MES runs for the step-by-step estimate");
        Outcome? jumping = null;
        var measured = Timing.InterleavedMedians(
            iterations,
            CaseBudget,
            () => jumping = OutcomeCalculator.Compute(election, s_equalSharesAdd1, jumpingAdd1: true),
            () => _sink = OutcomeCalculator.Compute(election, s_equalShares));
        var medians = measured.MediansMs;
        var steps = jumping!.EqualShares!.Add1Steps;
        return new BenchCase(
            "MES+add1 (cost), jumping",
            "MES+add1 jumping",
            Describe(name, election),
            medians[0],
            measured.Rounds,
            "step-by-step add1, extrapolated: steps × one MES run",
            steps * medians[1],
            measured.Samples[1],
            BaselineExtrapolated: true,
            TargetMs: 2000,
            [
                $"{steps} add1 steps; {jumping.EqualShares.EqualSharesRuns} MES runs jumping",
                $"step-by-step not run (too slow): estimated as {steps} steps × {Format(medians[1])} (median of {measured.Samples[1]} plain MES runs)",
                "jumping and step-by-step selected the same projects: not checked (step-by-step not run)",
            ]);
    }

    private static int[] CountApprovals(Election election)
    {
        var counts = new int[election.Projects.Length];
        for (var v = 0; v < election.VoterCount; v++)
        {
            foreach (var p in election.BallotOf(v))
            {
                counts[p]++;
            }
        }

        return counts;
    }

    private void Report(string what) =>
        progress.WriteLine($"bench: {what} (up to {iterations} runs after warm-up)");

    private static string Describe(string fileName, Election election) =>
        $"{Path.GetFileNameWithoutExtension(fileName)} ({election.VoterCount} voters, {election.Projects.Length} projects)";

    public static string Format(double milliseconds) => milliseconds switch
    {
        >= 10_000 => (milliseconds / 1000).ToString("0.0", CultureInfo.InvariantCulture) + " s",
        >= 100 => milliseconds.ToString("0", CultureInfo.InvariantCulture) + " ms",
        >= 1 => milliseconds.ToString("0.0", CultureInfo.InvariantCulture) + " ms",
        _ => (milliseconds * 1000).ToString("0", CultureInfo.InvariantCulture) + " µs",
    };

    public static string Ratio(double? ratio) => ratio switch
    {
        null => "n/a",
        >= 1 => ratio.Value.ToString("0.0", CultureInfo.InvariantCulture) + " ×",
        >= 0.1 => ratio.Value.ToString("0.00", CultureInfo.InvariantCulture) + " ×",
        _ => ratio.Value.ToString("0.000", CultureInfo.InvariantCulture) + " ×",
    };
}
