namespace Buurtbudget.Grains.Corporations;

public enum RegisterProblem
{
    UnknownCorporation,
    AlreadyRegistered,
    InvalidCommand,
    LastAdministrator,
    UnknownNeighbourhood,
}

/// <summary>A change to the register broke one of its rules. Thrown before anything is appended: nothing changed.</summary>
public sealed class RegisterException : Exception
{
    public RegisterException(RegisterProblem problem, string message) : base(message) => Problem = problem;

    public RegisterException() : this(RegisterProblem.InvalidCommand, "Invalid command.") { }
    public RegisterException(string message) : this(RegisterProblem.InvalidCommand, message) { }
    public RegisterException(string message, Exception innerException) : base(message, innerException) { }

    public RegisterProblem Problem { get; }
}
