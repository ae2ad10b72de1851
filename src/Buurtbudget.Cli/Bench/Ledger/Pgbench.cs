using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using Npgsql;

namespace Buurtbudget.Cli.Bench.Ledger;

/// <summary>
/// PostgreSQL's own load tool as the ceiling for "one durable INSERT per transaction" on the same cluster: a
/// one-row insert script, prepared statements, the same number of clients.
/// </summary>
internal static partial class Pgbench
{
    public const string Table = "bench_pgbench";

    public static string? Locate(string binDirectory)
    {
        var beside = Path.Combine(binDirectory, "pgbench");
        return File.Exists(beside) ? beside : null;
    }

    public static async Task<LedgerBenchResult> RunAsync(string program, string connectionString, int clients, int seconds, string folder)
    {
        var target = new NpgsqlConnectionStringBuilder(connectionString);
        var script = Path.Combine(folder, "insert-one-row.sql");
        // The payload has the size of a small ballot entry.
        await File.WriteAllTextAsync(script,
            $"INSERT INTO {Table} (payload) VALUES ('\\x7b2262616c6c6f74223a7b2270726f6a65637473223a5b312c322c335d7d7d'::bytea);\n").ConfigureAwait(false);
        var start = new ProcessStartInfo(program)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[]
        {
            "-h", target.Host!, "-p", target.Port.ToString(CultureInfo.InvariantCulture), "-U", target.Username!, "-d", target.Database!,
            "-n", "-M", "prepared", "-c", clients.ToString(CultureInfo.InvariantCulture), "-j", Math.Min(clients, Environment.ProcessorCount).ToString(CultureInfo.InvariantCulture),
            "-T", seconds.ToString(CultureInfo.InvariantCulture), "-f", script,
        })
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["PGPASSWORD"] = target.Password;
        using var process = Process.Start(start) ?? throw new InvalidOperationException("pgbench did not start.");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().ConfigureAwait(false);
        var output = await stdout.ConfigureAwait(false) + await stderr.ConfigureAwait(false);
        var transactions = Transactions().Match(output);
        var latency = Latency().Match(output);
        if (process.ExitCode != 0 || !transactions.Success || !latency.Success)
        {
            throw new InvalidOperationException($"pgbench failed ({process.ExitCode}):\n{output}");
        }

        var count = long.Parse(transactions.Groups[1].Value, CultureInfo.InvariantCulture);
        var average = double.Parse(latency.Groups[1].Value, CultureInfo.InvariantCulture);
        return new LedgerBenchResult("pgbench: one-row INSERT per transaction", "PostgreSQL", clients, count, seconds, null, null, average, null);
    }

    [GeneratedRegex(@"number of transactions actually processed: (\d+)")]
    private static partial Regex Transactions();

    [GeneratedRegex(@"latency average = ([\d.]+) ms")]
    private static partial Regex Latency();
}
