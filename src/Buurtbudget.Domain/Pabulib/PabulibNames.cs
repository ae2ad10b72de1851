namespace Buurtbudget.Domain.Pabulib;

/// <summary>The column names and meta keys the Pabulib format gives a meaning to.</summary>
public static class PabulibNames
{
    public const string ProjectId = "project_id";
    public const string Cost = "cost";
    public const string VoterId = "voter_id";
    public const string Vote = "vote";
    public const string Points = "points";

    public const string NumProjects = "num_projects";
    public const string NumVotes = "num_votes";
    public const string Budget = "budget";
    public const string VoteType = "vote_type";
    public const string Currency = "currency";
    public const string Description = "description";

    /// <summary>The value that stands for "no value" in any field.</summary>
    public const string None = "none";

    /// <summary>Meta keys that describe what a valid ballot looked like (the ballot design), in the order
    /// the format specification lists them, followed by the per-category variants found in real files.</summary>
    public static IReadOnlyList<string> BallotDesignKeys { get; } =
    [
        "min_length", "max_length", "min_sum_cost", "max_sum_cost",
        "min_points", "max_points", "min_sum_points", "max_sum_points",
        "min_length_per_category", "max_length_per_category",
        "min_sum_cost_per_category", "max_sum_cost_per_category",
    ];

    /// <summary>True for <c>none</c> in any letter case, with spaces around it: the reference implementation
    /// (pabutools) trims and lower-cases before comparing, and real files contain Python's <c>None</c>.</summary>
    public static bool IsNone(ReadOnlySpan<char> value) =>
        value.Trim().Equals(None, StringComparison.OrdinalIgnoreCase);
}
