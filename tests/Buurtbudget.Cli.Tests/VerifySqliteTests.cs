using System.Text.Json;
using Buurtbudget.Ledger;
using Buurtbudget.Ledger.Sqlite;
using Buurtbudget.Testing;
using Microsoft.Data.Sqlite;

namespace Buurtbudget.Cli.Tests;

/// <summary><c>buurtbudget verify --sqlite FILE</c>: 0 intact, 3 broken (with stream and version), 1 unreadable, 2 usage.</summary>
public sealed class VerifySqliteTests : IAsyncLifetime, IDisposable
{
    private readonly TempDirectory _folder = new("buurtbudget-verify-");
    private Dictionary<string, StreamHead> _heads = [];

    private string Path => _folder.File("ledger.db");

    public async Task InitializeAsync()
    {
        await using var ledger = SqliteEventLedger.Open(Path);
        _heads = await VerifyLedgers.FillAsync(ledger);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void An_intact_ledger_exits_0_and_prints_every_streams_head()
    {
        var run = CliRun.Of("verify", "--sqlite", Path);

        Assert.Equal(0, run.ExitCode);
        Assert.Contains($"ballots: intact, version 4, head {_heads["ballots"].Hash}", run.Output, StringComparison.Ordinal);
        Assert.Contains($"proposals: intact, version 2, head {_heads["proposals"].Hash}", run.Output, StringComparison.Ordinal);
        Assert.Contains("ledger: intact (2 streams)", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void A_tampered_ledger_exits_3_and_names_the_stream_and_version()
    {
        Tamper(VerifyLedgers.AlterSecondBallot);

        var run = CliRun.Of("verify", "--sqlite", Path);

        Assert.Equal(ExitCodes.LedgerBroken, run.ExitCode);
        Assert.Contains("ballots: BROKEN at version 2: altered entry", run.Output, StringComparison.Ordinal);
        Assert.Contains("proposals: intact", run.Output, StringComparison.Ordinal);
        Assert.Contains("ledger: BROKEN (1 of 2 streams)", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void A_matching_published_head_passes_and_a_different_one_exits_3()
    {
        var matching = CliRun.Of("verify", "--sqlite", Path, "--expect-head", $"ballots={_heads["ballots"].Hash}");
        var different = CliRun.Of("verify", "--sqlite", Path, "--expect-head", $"ballots={_heads["proposals"].Hash}");

        Assert.Equal(0, matching.ExitCode);
        Assert.Contains("(matches the expected head)", matching.Output, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.LedgerBroken, different.ExitCode);
        Assert.Contains("ballots: BROKEN at version 4: unexpected head", different.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Json_output_gives_each_streams_verdict_and_the_problems_location()
    {
        Tamper(VerifyLedgers.AlterSecondBallot);

        var run = CliRun.Of("verify", "--sqlite", Path, "--json");

        Assert.Equal(ExitCodes.LedgerBroken, run.ExitCode);
        using var json = JsonDocument.Parse(run.Output);
        Assert.False(json.RootElement.GetProperty("intact").GetBoolean());
        var ballots = json.RootElement.GetProperty("streams")[0];
        Assert.Equal("ballots", ballots.GetProperty("stream").GetString());
        Assert.Equal(2, ballots.GetProperty("problem").GetProperty("version").GetInt64());
        Assert.Equal("alteredEntry", ballots.GetProperty("problem").GetProperty("kind").GetString());
        var proposals = json.RootElement.GetProperty("streams")[1];
        Assert.Equal(_heads["proposals"].Hash.ToString(), proposals.GetProperty("head").GetString());
    }

    [Fact]
    public void Stream_limits_verification_to_one_stream()
    {
        Tamper(VerifyLedgers.AlterSecondBallot);

        var run = CliRun.Of("verify", "--sqlite", Path, "--stream", "proposals");

        Assert.Equal(0, run.ExitCode);
        Assert.DoesNotContain("ballots", run.Output, StringComparison.Ordinal);
        Assert.Equal(1, CliRun.Of("verify", "--sqlite", Path, "--stream", "nobody").ExitCode);
    }

    [Theory]
    [InlineData("no store at all")]
    [InlineData("--postgres", "Host=127.0.0.1")]
    [InlineData("--expect-head", "ballots")]
    [InlineData("--expect-head", "ballots=abc")]
    public void Command_line_mistakes_exit_2(params string[] extra)
    {
        string[] args = extra[0] == "no store at all" ? ["verify"] : ["verify", "--sqlite", Path, .. extra];

        var run = CliRun.Of(args);

        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        Assert.StartsWith("error: ", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_or_foreign_file_exits_1()
    {
        var foreign = _folder.File("notes.txt");
        File.WriteAllText(foreign, "not a ledger");

        var missing = CliRun.Of("verify", "--sqlite", _folder.File("nope.db"));
        var notLedger = CliRun.Of("verify", "--sqlite", foreign);

        Assert.Equal((1, $"error: {_folder.File("nope.db")}: no such file"), (missing.ExitCode, missing.Error.Trim()));
        Assert.Equal(1, notLedger.ExitCode);
        Assert.Contains("cannot be read as a Buurtbudget ledger", notLedger.Error, StringComparison.Ordinal);
    }

    private void Tamper(string sql)
    {
        using var connection = new SqliteConnection($"Data Source={Path};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "DROP TRIGGER ledger_entries_no_update;" + sql;
        command.ExecuteNonQuery();
    }
}
