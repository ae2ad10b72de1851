namespace Buurtbudget.Grains.Proposals;

public enum ProposalProblem
{
    UnknownProposal,
    AlreadySubmitted,
    InvalidText,
    NotTheAuthor,
    Withdrawn,
    WrongPhase,
}

/// <summary>A proposal command broke a rule. Thrown before anything is appended: nothing changed.</summary>
public sealed class ProposalException : Exception
{
    public ProposalException(ProposalProblem problem, string message) : base(message) => Problem = problem;

    public ProposalException() : this(ProposalProblem.InvalidText, "Invalid proposal.") { }
    public ProposalException(string message) : this(ProposalProblem.InvalidText, message) { }
    public ProposalException(string message, Exception innerException) : base(message, innerException) { }

    public ProposalProblem Problem { get; }
}
