using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Buurtbudget.Testing;

namespace Buurtbudget.Deploy.Tests;

/// <summary>
/// The backup path docs/operations.md gives for the embedded SQLite ledger, run as written: sqlite3's online backup
/// while the server takes ballots, <c>buurtbudget verify</c> on the copy, and a server started on the restored copy.
/// </summary>
public sealed class Backing_up_the_embedded_ledger
{
    private static async Task<(int ExitCode, string Output)> RunAsync(string program, params string[] arguments)
    {
        var start = new ProcessStartInfo(program) { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {program}");
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var output = process.StandardOutput.ReadToEndAsync(timeout.Token);
        var error = process.StandardError.ReadToEndAsync(timeout.Token);
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await output + await error);
    }

    private static async Task<int> TurnoutAsync(ServerNode node)
    {
        using var http = new HttpClient { BaseAddress = node.BaseAddress };
        var cycle = await http.GetFromJsonAsync<JsonElement>("/api/neighbourhoods/demo/cycles/2026");
        return cycle.GetProperty("turnout").GetInt32();
    }

    [Fact]
    public async Task An_online_backup_taken_while_the_server_runs_verifies_and_a_server_restored_from_it_has_every_acknowledged_ballot()
    {
        using var folder = new TempDirectory("buurtbudget-backup-");
        var data = Directory.CreateDirectory(Path.Combine(folder.Path, "data")).FullName;
        var settings = ServerNode.Settings(data);
        settings["Buurtbudget__Demo"] = "true";
        settings["Logging__LogLevel__Buurtbudget.Demo"] = "Information";
        string backup = Path.Combine(folder.Path, "backup.db");
        await using (var node = await ServerNode.StartAsync(settings))
        {
            using var http = new HttpClient(new HttpClientHandler { UseCookies = false }) { BaseAddress = node.BaseAddress };
            var project = (await http.GetFromJsonAsync<JsonElement>("/api/neighbourhoods/demo/cycles/2026")).GetProperty("projects")[0].GetProperty("id").GetString();
            using var signIn = new HttpRequestMessage(HttpMethod.Post, "/api/neighbourhoods/demo/sign-in") { Content = JsonContent.Create(new { code = (await node.DemoCodesAsync())[0] }) };
            signIn.Headers.Add("X-Buurtbudget-Request", "1");
            using var signedIn = await http.SendAsync(signIn);
            Assert.Equal(HttpStatusCode.OK, signedIn.StatusCode);
            using var cast = new HttpRequestMessage(HttpMethod.Post, "/api/neighbourhoods/demo/cycles/2026/ballots")
            {
                Content = JsonContent.Create(new { entries = new[] { new { projectId = project, value = 1 } } }),
            };
            cast.Headers.Add("X-Buurtbudget-Request", "1");
            cast.Headers.Add("Idempotency-Key", "backup-1");
            // Over plain HTTP on loopback the Secure cookie is carried by hand, as a browser on localhost would.
            cast.Headers.Add("Cookie", signedIn.Headers.GetValues("Set-Cookie").Single().Split(';')[0]);
            using var receipt = await http.SendAsync(cast);
            Assert.Equal(HttpStatusCode.Created, receipt.StatusCode);

            var (backupExit, backupOutput) = await RunAsync("sqlite3", Path.Combine(data, "ledger.db"), $".backup '{backup}'");
            Assert.True(backupExit == 0, backupOutput);
        }

        var (verifyExit, report) = await RunAsync("dotnet", RepoPaths.CliDll(), "verify", "--sqlite", backup);

        Assert.True(verifyExit == 0, report);
        Assert.Contains("neighbourhood/demo: intact", report, StringComparison.Ordinal);
        var restored = Directory.CreateDirectory(Path.Combine(folder.Path, "restored")).FullName;
        File.Copy(backup, Path.Combine(restored, "ledger.db"));
        // The same secret (kept apart from the data, as it must be): without it the restored ballots stay counted, but
        // no household could find or change its own ballot.
        var again = new Dictionary<string, string>(settings) { ["Buurtbudget__DataDirectory"] = restored, ["Buurtbudget__Demo"] = "false" };
        await using var restoredNode = await ServerNode.StartAsync(again);
        Assert.Equal(1, await TurnoutAsync(restoredNode));
    }
}
