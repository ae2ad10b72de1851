using System.Collections.Immutable;
using System.Security.Cryptography;
using Buurtbudget.Domain.Ballots;
using Buurtbudget.Domain.Elections;
using Buurtbudget.Domain.Rules;

namespace Buurtbudget.Grains.Neighbourhoods;

/// <summary>A project as it stands on the ballot: frozen when voting opens.</summary>
public sealed record BallotProject(string Id, string Title, long CostCents);

/// <summary>The outcome rule as data. <paramref name="TieBreak"/> is <c>default</c> or <c>pabutools</c>.</summary>
public sealed record RuleChoice(RuleKind Kind, Utility Utility = Utility.Cost, Completion Completion = Completion.None, string TieBreak = "default")
{
    public OutcomeRule ToRule() => new(Kind, Utility, Completion)
    {
        TieBreak = TieBreak switch
        {
            "default" => Domain.Rules.TieBreak.Default,
            "pabutools" => Domain.Rules.TieBreak.Pabutools,
            _ => throw new ArgumentException($"Unknown tie-break '{TieBreak}'; use 'default' or 'pabutools'."),
        },
    };
}

public enum RevotePolicy
{
    /// <summary>A voter may vote again until voting closes; the last ballot counts (blunts coercion).</summary>
    LastBallotCounts,

    /// <summary>A voter's first ballot is final; later ones are refused.</summary>
    FirstBallotIsFinal,
}

/// <summary>What watchers see while voting is open. Everything is shown once voting has closed.</summary>
public enum LiveDisclosure
{
    /// <summary>Turnout only: nobody can tell from a counter what a neighbour just voted.</summary>
    TurnoutOnly,

    /// <summary>Turnout and votes per project, once at least <see cref="LiveResults.MinimumTurnout"/> voted.</summary>
    CountsPerProject,

    /// <summary>Counts and the provisional allocation under the cycle's rule, from the same minimum turnout.</summary>
    ProvisionalAllocation,
}

/// <summary>The live-results policy, frozen with the rest of the manifest.</summary>
/// <param name="MinimumTurnout">Per-project numbers stay hidden until this many have voted (1–10,000).</param>
public sealed record LiveResults(LiveDisclosure Disclosure = LiveDisclosure.TurnoutOnly, int MinimumTurnout = 10);

public enum Eligibility
{
    /// <summary>Only voters enrolled in the cycle's census (for example holders of a voting code).</summary>
    Census,

    /// <summary>Any signed-in resident the server admits to the neighbourhood.</summary>
    AnySignedInResident,
}

/// <summary>
/// Everything that decides how votes become an outcome, frozen when voting opens: the projects on the ballot,
/// the budget, the ballot design, the rule and tie-break, the revote policy and who may vote. Its hash is shown
/// to voters; it is part of the <see cref="VotingOpened"/> entry, so the ledger's chain covers it too.
/// </summary>
public sealed record VotingManifest(
    long BudgetCents,
    ImmutableArray<BallotProject> Projects,
    BallotDescription Ballot,
    RuleChoice Rule,
    RevotePolicy Revote,
    Eligibility Eligibility)
{
    /// <summary>What watchers see while voting is open. Manifests recorded before this setting existed read as turnout only.</summary>
    public LiveResults Live { get; init; } = new();

    /// <summary>SHA-256 of the manifest's canonical JSON, in hex.</summary>
    public string Hash() => Convert.ToHexStringLower(SHA256.HashData(NeighbourhoodJson.Encode(this)));

    /// <summary>The projects in the rule engine's unit: cents, so all amounts stay integers.</summary>
    public ImmutableArray<Project> ElectionProjects() => [.. Projects.Select(p => new Project(p.Id, p.CostCents))];

    /// <summary>The ballot design; throws <see cref="ArgumentException"/> if the description is not a valid design.</summary>
    public BallotDesign Design() => Ballot.Kind switch
    {
        BallotKind.Approval => new ApprovalDesign(Ballot.MinProjects, Ballot.MaxProjects),
        BallotKind.Knapsack => new KnapsackDesign(
            Ballot.SpendingLimit ?? throw new ArgumentException("A knapsack ballot needs a spending limit."),
            Ballot.MinimumSpend, Ballot.MinProjects, Ballot.MaxProjects),
        BallotKind.Cumulative => new CumulativeDesign(
            Ballot.Points ?? throw new ArgumentException("A cumulative ballot needs a number of points."),
            Ballot.MustUseAllPoints ?? false, Ballot.MaxPointsPerProject),
        BallotKind.Ranking => new RankingDesign(
            Ballot.MaxProjects ?? throw new ArgumentException("A ranking ballot needs the number of projects to rank."),
            Ballot.MinProjects),
        _ => throw new ArgumentException($"Unknown ballot kind {Ballot.Kind}."),
    };
}
