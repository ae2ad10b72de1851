using System.Collections.Immutable;
using Buurtbudget.Domain.Ballots;

namespace Buurtbudget.Grains.Neighbourhoods;

public enum CycleProblem
{
    UnknownCycle,
    CycleAlreadyExists,
    InvalidCommand,
    WrongPhase,
    NotEligible,
    AlreadyVoted,
    InvalidBallot,
    IdempotencyKeyReused,
}

/// <summary>A command broke a rule of the budget cycle. Thrown before anything is appended: nothing changed.</summary>
public sealed class BudgetCycleException : Exception
{
    public BudgetCycleException(CycleProblem problem, string message, ImmutableArray<BallotProblem> ballotProblems = default)
        : base(message)
    {
        Problem = problem;
        BallotProblems = ballotProblems.IsDefault ? [] : ballotProblems;
    }

    public BudgetCycleException() : this(CycleProblem.InvalidCommand, "Invalid command.") { }
    public BudgetCycleException(string message) : this(CycleProblem.InvalidCommand, message) { }
    public BudgetCycleException(string message, Exception innerException) : base(message, innerException) { BallotProblems = []; }

    public CycleProblem Problem { get; }

    /// <summary>For <see cref="CycleProblem.InvalidBallot"/>: every problem with the ballot, each with a message.</summary>
    public ImmutableArray<BallotProblem> BallotProblems { get; }
}
