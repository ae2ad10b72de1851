using System.Globalization;
using static Buurtbudget.Domain.Ballots.BallotProblemCode;

namespace Buurtbudget.Domain.Ballots;

/// <summary>
/// The one place where English text for residents is made, always from codes and numbers, so that the web
/// front end can build its Dutch text from the same data. Numbers use the invariant culture; money is shown
/// in euros with thousands separators and cents only when there are any.
/// </summary>
public static class BallotMessages
{
    /// <summary>What is wrong and what to do about it.</summary>
    public static string Describe(BallotProblem problem)
    {
        ArgumentNullException.ThrowIfNull(problem);
        var limit = problem.Limit ?? 0;
        var actual = problem.Actual ?? 0;
        var project = problem.ProjectIds.IsEmpty ? "a project" : ProjectName(problem.ProjectIds[0]);
        return problem.Code switch
        {
            EmptyBallot =>
                $"You have not chosen any projects. Choose at least {Count(limit, "project")}.",
            TooFewProjects =>
                $"You chose {Count(actual, "project")}; this ballot needs at least {Number(limit)}. Choose {Count(Gap(limit, actual), "more project")}.",
            TooManyProjects =>
                $"You chose {Count(actual, "project")}; this ballot allows at most {Number(limit)}. Remove {Count(Gap(actual, limit), "project")}.",
            OverSpendingLimit =>
                $"Your choices cost {Euros(actual)}; the limit is {Euros(limit)}. Remove projects worth at least {Euros(Gap(actual, limit))}.",
            UnderMinimumSpend =>
                $"Your choices cost {Euros(actual)}; together they must cost at least {Euros(limit)}. Add projects worth at least {Euros(Gap(limit, actual))}.",
            UnknownProject =>
                $"{Capitalised(project)} is not on this ballot. Remove it.",
            DuplicateProject =>
                $"You chose {project} {Number(actual)} times; each project can be chosen only once.",
            InvalidMark =>
                $"{Capitalised(project)} is marked with {Number(actual)}; a project is either chosen (marked with 1) or left off.",
            PointsNotWhole =>
                $"You gave {Count(actual, "point")} to {project}; use whole points only.",
            NegativePoints =>
                $"You gave {Count(actual, "point")} to {project}; points cannot be negative.",
            TooManyPoints =>
                $"You gave out {Count(actual, "point")}; you have {Count(limit, "point")}. Take back {Count(Gap(actual, limit), "point")}.",
            NotAllPointsUsed =>
                $"You gave out {Number(actual)} of your {Count(limit, "point")}. Give out the remaining {Count(Gap(limit, actual), "point")}.",
            OverPerProjectCap =>
                $"You gave {Count(actual, "point")} to {project}; one project can get at most {Count(limit, "point")}. Take back {Count(Gap(actual, limit), "point")} from it.",
            RankingNotContiguous when limit == 1 =>
                $"Give your choice rank 1. Check the number you gave to {ProjectList(problem)}.",
            RankingNotContiguous =>
                $"Number your {Number(limit)} choices 1 to {Number(limit)}, using each number once. Check the numbers you gave to {ProjectList(problem)}.",
            _ =>
                $"This ballot does not follow the rules ({problem.Code}).",
        };
    }

    /// <summary>How to fill in a ballot of this design.</summary>
    public static string Instructions(BallotDescription description)
    {
        ArgumentNullException.ThrowIfNull(description);
        var range = ProjectRange(description.MinProjects, description.MaxProjects);
        return description.Kind switch
        {
            BallotKind.Approval => $"Choose {range}.",
            BallotKind.Knapsack => KnapsackInstructions(description, range),
            BallotKind.Cumulative => CumulativeInstructions(description),
            BallotKind.Ranking =>
                $"Rank {range} in order of preference: 1 for your favourite, then 2, and so on.",
            _ => $"Fill in the {description.Kind} ballot.",
        };
    }

    /// <summary>€12,400 or €12,400.50; never rounded, so an amount a voter must remove is never understated.</summary>
    public static string Euros(decimal amount)
    {
        var sign = amount < 0 ? "-" : "";
        var magnitude = Math.Abs(amount);
        var format = decimal.IsInteger(magnitude) ? "#,0"
            : decimal.Remainder(magnitude, 0.01m) == 0 ? "#,0.00"
            : "#,0.00##########################";
        return sign + "€" + magnitude.ToString(format, CultureInfo.InvariantCulture);
    }

    private static string KnapsackInstructions(BallotDescription description, string range)
    {
        var spend = description.MinimumSpend is { } minimum and > 0
            ? $"Choose projects that together cost at least {Euros(minimum)} and at most {Euros(description.SpendingLimit ?? 0)}."
            : $"Choose projects that together cost at most {Euros(description.SpendingLimit ?? 0)}.";
        var countIsFree = description.MinProjects <= 1 && description.MaxProjects is null;
        return countIsFree ? spend : $"{spend} Choose {range}.";
    }

    private static string CumulativeInstructions(BallotDescription description)
    {
        var points = Count(description.Points ?? 0, "point");
        var share = description.MustUseAllPoints == true
            ? $"Give out all {points} over the projects you support"
            : $"Give out up to {points} over the projects you support";
        var cap = description.MaxPointsPerProject is { } max
            ? $", at most {Count(max, "point")} to any one project"
            : "";
        return $"{share}{cap}. Use whole points.";
    }

    private static string ProjectRange(int min, int? max) => max switch
    {
        null => $"at least {Count(min, "project")}",
        { } m when m == min => $"exactly {Count(m, "project")}",
        { } m when min <= 1 => $"up to {Count(m, "project")}",
        { } m => $"between {Number(min)} and {Count(m, "project")}",
    };

    private static string ProjectList(BallotProblem problem)
    {
        var names = problem.ProjectIds.Select(ProjectName).ToList();
        return names.Count switch
        {
            0 => "your projects",
            1 => names[0],
            _ => string.Join(", ", names.Take(names.Count - 1)) + " and " + names[^1],
        };
    }

    private static string ProjectName(string id) => $"project '{id}'";

    private static string Capitalised(string text) => string.Concat(text[..1].ToUpperInvariant(), text[1..]);

    /// <summary>"1 project", "3 projects"; the noun's last word carries the plural.</summary>
    private static string Count(decimal value, string noun) =>
        $"{Number(value)} {noun}{(value == 1 ? "" : "s")}";

    private static string Number(decimal value) =>
        value.ToString("#,0.############################", CultureInfo.InvariantCulture);

    /// <summary>The difference between two reported numbers, exact and safe from overflow whatever they are.</summary>
    private static decimal Gap(decimal larger, decimal smaller) => ExactAmount.Difference(larger, smaller);
}
