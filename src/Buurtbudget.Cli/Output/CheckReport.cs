using System.Collections.Immutable;
using System.Globalization;
using Buurtbudget.Domain.Elections;
using Buurtbudget.Domain.Pabulib;

namespace Buurtbudget.Cli.Output;

/// <summary>What <c>check</c> found in a file that read without errors: its summary and the things that are
/// allowed by the format but that an organiser should look at before trusting an outcome.</summary>
internal sealed record CheckReport(
    string File,
    int VoterCount,
    int ProjectCount,
    decimal Budget,
    string VoteType,
    string? Currency,
    string? Description,
    ImmutableArray<PabulibMetaEntry> BallotDesign,
    ImmutableArray<string> Warnings)
{
    /// <summary>Warnings list at most this many project ids; the rest is counted.</summary>
    private const int IdsShown = 10;

    public static CheckReport From(string path, PabulibFile file)
    {
        ArgumentNullException.ThrowIfNull(file);
        var summary = PabulibSummary.Of(file);
        return new CheckReport(
            path,
            summary.VoterCount,
            summary.ProjectCount,
            summary.Budget,
            summary.VoteTypeName,
            summary.Currency,
            summary.Description,
            summary.BallotDesign,
            Warn(file, summary, file.ToElection()));
    }

    private static ImmutableArray<string> Warn(PabulibFile file, PabulibSummary summary, Election election)
    {
        var warnings = ImmutableArray.CreateBuilder<string>();
        if (summary.BallotsRepeatingAProject > 0)
        {
            warnings.Add($"{summary.BallotsRepeatingAProject} ballots name a project more than once; it counts once");
        }

        var lengths = Enumerable.Range(0, election.VoterCount).Select(v => election.BallotOf(v).Length).ToArray();
        var empty = lengths.Count(l => l == 0);
        if (empty > 0)
        {
            warnings.Add($"{empty} ballots are empty");
        }

        CheckLength(file, "min_length", lengths, tooShort: true, warnings);
        CheckLength(file, "max_length", lengths, tooShort: false, warnings);

        var supporters = new int[election.Projects.Length];
        for (var v = 0; v < election.VoterCount; v++)
        {
            foreach (var p in election.BallotOf(v))
            {
                supporters[p]++;
            }
        }

        var unsupported = election.Projects.Where((_, p) => supporters[p] == 0).Select(p => p.Id).ToList();
        if (unsupported.Count > 0)
        {
            warnings.Add($"{unsupported.Count} projects have no votes: {Ids(unsupported)}");
        }

        var tooExpensive = election.Projects.Where(p => p.Cost > election.Budget).Select(p => p.Id).ToList();
        if (tooExpensive.Count > 0)
        {
            warnings.Add($"{tooExpensive.Count} projects cost more than the whole budget: {Ids(tooExpensive)}");
        }

        var allCost = election.Projects.Sum(p => p.Cost);
        if (election.Projects.Length > 0 && allCost <= election.Budget)
        {
            warnings.Add($"all projects together cost {Numbers.Format(allCost)}, within the budget: there is nothing to choose");
        }

        return warnings.ToImmutable();
    }

    /// <summary>Ballots that break the file's own min_length / max_length: the ballot design says they
    /// should not exist, so either the design or the votes are wrong.</summary>
    private static void CheckLength(PabulibFile file, string key, int[] lengths, bool tooShort,
        ImmutableArray<string>.Builder warnings)
    {
        if (file.MetaValue(key) is not { } text)
        {
            return;
        }

        if (!decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out var limit))
        {
            warnings.Add($"{key} '{text}' is not a number");
            return;
        }

        var breaking = lengths.Count(l => tooShort ? l < limit : l > limit);
        if (breaking > 0)
        {
            warnings.Add($"{breaking} ballots name {(tooShort ? "fewer" : "more")} projects than {key} {text}");
        }
    }

    private static string Ids(List<string> ids) =>
        string.Join(", ", ids.Take(IdsShown)) + (ids.Count > IdsShown ? $" and {ids.Count - IdsShown} more" : "");
}
