using System.Diagnostics;
using System.Text;

namespace Buurtbudget.Testing;

/// <summary>
/// Runs PostgreSQL's programs. PostgreSQL refuses to run as root, so when the tests run as root every program
/// runs as the <c>postgres</c> user through <c>runuser</c>.
/// </summary>
internal static class ServerProcess
{
    public static bool RunsAsServerUser => Environment.IsPrivilegedProcess;

    public static async Task<string> RunAsync(string program, IReadOnlyList<string> arguments, CancellationToken cancellationToken = default)
    {
        var start = new ProcessStartInfo
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (RunsAsServerUser)
        {
            start.FileName = "runuser";
            foreach (var argument in (string[])["-u", "postgres", "--", program, .. arguments])
            {
                start.ArgumentList.Add(argument);
            }
        }
        else
        {
            start.FileName = program;
            foreach (var argument in arguments)
            {
                start.ArgumentList.Add(argument);
            }
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {program}.");
        var output = new StringBuilder();
        var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
        output.Append(await stdout.ConfigureAwait(false)).Append(await stderr.ConfigureAwait(false));
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException(
                $"{Path.GetFileName(program)} {string.Join(' ', arguments)} exited with {process.ExitCode}:\n{output}");
        }

        return output.ToString();
    }

    /// <summary>Gives the folder to the <c>postgres</c> user when we are root (initdb needs to own its data).</summary>
    public static async Task HandOverAsync(string folder)
    {
        if (!RunsAsServerUser)
        {
            return;
        }

        using var chown = Process.Start("chown", ["-R", "postgres:postgres", folder])
            ?? throw new InvalidOperationException("Could not start chown.");
        await chown.WaitForExitAsync().ConfigureAwait(false);
        if (chown.ExitCode != 0)
        {
            throw new InvalidOperationException($"chown -R postgres:postgres {folder} failed with {chown.ExitCode}.");
        }
    }
}
