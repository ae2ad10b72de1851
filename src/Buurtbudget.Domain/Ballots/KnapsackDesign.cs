using System.Collections.Immutable;
using System.Globalization;
using Buurtbudget.Domain.Elections;

namespace Buurtbudget.Domain.Ballots;

/// <summary>
/// Mark projects whose total cost stays within <see cref="SpendingLimit"/> (typically the budget) and, when
/// set, reaches <see cref="MinimumSpend"/>; optionally also a range for the number of projects.
/// </summary>
public sealed record KnapsackDesign : BallotDesign
{
    /// <param name="spendingLimit">The most the marked projects may cost together, in euros; more than 0.</param>
    /// <param name="minimumSpend">The least they must cost together, in euros; null for no minimum.</param>
    /// <param name="minProjects">The fewest projects to mark; at least 1.</param>
    /// <param name="maxProjects">The most projects to mark; null for no maximum.</param>
    public KnapsackDesign(decimal spendingLimit, decimal? minimumSpend = null, int minProjects = 1, int? maxProjects = null)
    {
        if (spendingLimit <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(spendingLimit), spendingLimit,
                "The spending limit must be more than 0: no project could be chosen otherwise.");
        }

        if (minimumSpend < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(minimumSpend), minimumSpend,
                "The minimum spend cannot be negative.");
        }

        if (minimumSpend > spendingLimit)
        {
            throw new ArgumentException(
                string.Create(CultureInfo.InvariantCulture,
                    $"The minimum spend ({minimumSpend}) is above the spending limit ({spendingLimit}): no ballot could satisfy this design."),
                nameof(minimumSpend));
        }

        DesignGuard.ProjectRange(minProjects, maxProjects, nameof(minProjects), nameof(maxProjects));
        SpendingLimit = spendingLimit;
        MinimumSpend = minimumSpend;
        MinProjects = minProjects;
        MaxProjects = maxProjects;
    }

    public decimal SpendingLimit { get; }

    public decimal? MinimumSpend { get; }

    public int MinProjects { get; }

    public int? MaxProjects { get; }

    public override BallotKind Kind => BallotKind.Knapsack;

    public override BallotValidation Validate(CastBallot ballot, IReadOnlyList<Project> projects)
    {
        var reading = BallotReading.Of(ballot, projects);
        return new BallotValidation([
            .. reading.IdentityProblems(),
            .. SharedRules.MarkProblems(reading),
            .. SharedRules.CountProblems(reading, MinProjects, MaxProjects),
            .. SpendProblems(reading),
        ]);
    }

    /// <summary>The approved project ids, in ballot order, for the outcome rules.</summary>
    /// <exception cref="InvalidBallotException">The ballot breaks this design.</exception>
    public ImmutableArray<string> ToApprovedProjects(CastBallot ballot, IReadOnlyList<Project> projects)
    {
        Validate(ballot, projects).ThrowIfInvalid();
        return [.. ballot.Entries.Select(entry => entry.ProjectId)];
    }

    public override BallotDescription Describe() =>
        new(Kind, MinProjects, MaxProjects, SpendingLimit: SpendingLimit, MinimumSpend: MinimumSpend);

    private IEnumerable<BallotProblem> SpendProblems(BallotReading reading)
    {
        // Compared exactly: decimal addition could round a total down to just within the limit.
        var total = reading.KnownCostUnits;
        if (total > ExactAmount.ToUnits(SpendingLimit))
        {
            yield return BallotProblem.ForBallot(BallotProblemCode.OverSpendingLimit, reading.KnownChosenIds,
                SpendingLimit, ExactAmount.ToDecimal(total));
        }

        // An empty ballot is already reported as such; "spend more" would only repeat it.
        if (MinimumSpend is { } minimum && !reading.ChosenIds.IsEmpty && total < ExactAmount.ToUnits(minimum))
        {
            yield return BallotProblem.ForBallot(BallotProblemCode.UnderMinimumSpend, reading.KnownChosenIds,
                minimum, ExactAmount.ToDecimal(total));
        }
    }
}
