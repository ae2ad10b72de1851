using Buurtbudget.Domain.Ballots;
using Buurtbudget.Domain.Elections;

namespace Buurtbudget.Domain.Tests.Ballots;

/// <summary>Small helpers so each test reads as its rule.</summary>
internal static class Ballot
{
    public static IReadOnlyList<Project> Projects(params (string Id, decimal Cost)[] projects) =>
        [.. projects.Select(p => new Project(p.Id, p.Cost))];

    /// <summary>Projects "a", "b", "c", … costing €1,000 each.</summary>
    public static IReadOnlyList<Project> Named(int count) =>
        [.. Enumerable.Range(0, count).Select(i => new Project(((char)('a' + i)).ToString(), 1_000))];

    public static BallotProblemCode[] Codes(this BallotValidation validation) =>
        [.. validation.Problems.Select(p => p.Code)];

    public static BallotProblem Single(this BallotValidation validation, BallotProblemCode code) =>
        Assert.Single(validation.Problems, p => p.Code == code);
}
