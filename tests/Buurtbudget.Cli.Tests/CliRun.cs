namespace Buurtbudget.Cli.Tests;

/// <summary>What one in-process run of the command line returned and printed.</summary>
internal sealed record CliRun(int ExitCode, string Output, string Error)
{
    public static CliRun Of(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exitCode = Cli.Run(args, output, error);
        return new CliRun(exitCode, output.ToString(), error.ToString());
    }

    /// <summary>Lines of the output with the given label, e.g. "selected:" → the text after it.</summary>
    public string Field(string label)
    {
        var line = Output.Split('\n').Single(l => l.StartsWith(label, StringComparison.Ordinal));
        return line[label.Length..].Trim();
    }
}
