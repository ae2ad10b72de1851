using System.CommandLine;
using System.CommandLine.Help;
using Buurtbudget.Cli.Commands;

namespace Buurtbudget.Cli;

/// <summary>
/// The whole command line as one call with explicit writers, so tests run it in-process and read exactly
/// what a user would see. Exit codes: 0 success, 1 a file, store or rule problem, 2 a bad command line, 3 a broken ledger.
/// </summary>
internal static class Cli
{
    public static int Run(IReadOnlyList<string> args, TextWriter output, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);

        var root = CreateRootCommand(args);
        var parse = root.Parse(args);
        var configuration = new InvocationConfiguration
        {
            Output = output,
            Error = error,
            // User errors are reported below; anything else is a bug and should keep its stack trace.
            EnableDefaultExceptionHandler = false,
        };

        // Help wins over errors: "outcome --help" without a file should show help, not complain.
        if (parse.Errors.Count > 0 && parse.Action is not HelpAction)
        {
            foreach (var parseError in parse.Errors)
            {
                error.WriteLine($"error: {parseError.Message}");
            }

            error.WriteLine();
            WriteUsage(root, parse.CommandResult.Command, error);
            return ExitCodes.Usage;
        }

        try
        {
            return parse.Invoke(configuration);
        }
        catch (UserErrorException e)
        {
            error.WriteLine($"error: {e.Message}");
            if (e.ExitCode == ExitCodes.Usage)
            {
                error.WriteLine();
                WriteUsage(root, parse.CommandResult.Command, error);
            }

            return e.ExitCode;
        }
    }

    private static RootCommand CreateRootCommand(IReadOnlyList<string> args) =>
        new("Buurtbudget: outcomes of participatory budgeting elections stored as Pabulib (.pb) files, and verification of ballot ledgers.")
        {
            new OutcomeCommand(),
            new CheckCommand(),
            new BenchCommand(args),
            new VerifyCommand(),
            new MigrateCommand(),
            new BenchLedgerCommand(args),
            new BenchBallotsCommand(args),
        };

    /// <summary>Prints the help of <paramref name="command"/> (the one the user was typing) to <paramref name="writer"/>.</summary>
    private static void WriteUsage(RootCommand root, Command command, TextWriter writer)
    {
        string[] helpArgs = ReferenceEquals(command, root) ? ["--help"] : [command.Name, "--help"];
        root.Parse(helpArgs).Invoke(new InvocationConfiguration { Output = writer, Error = writer });
    }
}
