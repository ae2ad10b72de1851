namespace Buurtbudget.Cli;

/// <summary>
/// A mistake by the person running the command (a missing file, a malformed file, a rule that does not fit
/// the ballots). <see cref="Cli.Run"/> prints the message as <c>error: …</c> without a stack trace; any other
/// exception is a bug in Buurtbudget and is allowed to crash loudly.
/// </summary>
internal sealed class UserErrorException(string message, int exitCode = ExitCodes.Failure) : Exception(message)
{
    public int ExitCode { get; } = exitCode;
}
