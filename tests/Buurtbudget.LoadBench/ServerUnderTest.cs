using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;

namespace Buurtbudget.LoadBench;

/// <summary>
/// The real server (the Release build of src/Buurtbudget.Server) as a child process: Kestrel on 127.0.0.1 only, HTTPS
/// for the API (the session cookie is Secure) and plain HTTP for the hubs' WebSockets, benchmark endpoints on, demo off,
/// sign-in brakes opened up for one client address. Stopped by its own PID on dispose, never by name.
/// </summary>
internal sealed class ServerUnderTest : IAsyncDisposable
{
    private readonly Process _process;
    private readonly Task _drain;

    private ServerUnderTest(Process process, int httpsPort, int httpPort)
    {
        _process = process;
        HttpsBase = new Uri($"https://127.0.0.1:{httpsPort}");
        HttpBase = new Uri($"http://127.0.0.1:{httpPort}");
        // Read both pipes to the end so a chatty server can never block on a full pipe.
        _drain = Task.WhenAll(DrainAsync(process.StandardOutput), DrainAsync(process.StandardError));
    }

    public Uri HttpsBase { get; }

    public Uri HttpBase { get; }

    public int Pid => _process.Id;

    private readonly System.Collections.Concurrent.ConcurrentQueue<string> _tail = new();

    /// <summary>The server's last lines of output, to show when it fails.</summary>
    public string LastOutput => string.Join('\n', _tail);

    /// <param name="postgres">App, owner connection strings and app role; null for the embedded SQLite store.</param>
    /// <summary>Environment variables with this prefix go to the server alone, without it.</summary>
    public const string ServerOnlyPrefix = "SERVER_";

    public static async Task<ServerUnderTest> StartAsync(string dataFolder, LoopbackCertificate certificate, (string App, string Owner, string Role)? postgres)
    {
        int httpsPort = FreePort(), httpPort = FreePort();
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = dataFolder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(RepoPaths.ServerDll());
        var env = start.Environment;
        env["ASPNETCORE_ENVIRONMENT"] = "Production";
        env["Kestrel__Endpoints__Https__Url"] = $"https://127.0.0.1:{httpsPort}";
        env["Kestrel__Endpoints__Https__Certificate__Path"] = certificate.PfxPath;
        env["Kestrel__Endpoints__Https__Certificate__Password"] = certificate.Password;
        env["Kestrel__Endpoints__Http__Url"] = $"http://127.0.0.1:{httpPort}";
        // Without a config file ASP.NET Core logs two lines per request at Information; production runs at Warning.
        env["Logging__LogLevel__Default"] = "Warning";
        env["Buurtbudget__Demo"] = "false";
        env["Buurtbudget__DataDirectory"] = dataFolder;
        env["Buurtbudget__Secret"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
        env["Buurtbudget__Benchmark__Enabled"] = "true";
        // For A/B runs of the server's own settings: SERVER_X=1 in the benchmark's environment is X=1 in the server's
        // only (the server inherits the rest, but a runtime setting given to both would change the client too).
        foreach (var (name, value) in Environment.GetEnvironmentVariables().Cast<System.Collections.DictionaryEntry>()
            .Select(e => ((string)e.Key, (string?)e.Value)).Where(e => e.Item1.StartsWith(ServerOnlyPrefix, StringComparison.Ordinal)))
        {
            env[name[ServerOnlyPrefix.Length..]] = value;
        }
        // Every benchmark voter signs in from 127.0.0.1: the per-client brake would otherwise stop it after 10 codes.
        env["Buurtbudget__CodeAttemptsPerClientPerMinute"] = "1000";
        env["Buurtbudget__CodeAttemptsPerMinute"] = "1000000";
        if (postgres is var (app, owner, role))
        {
            env["Buurtbudget__Postgres__ConnectionString"] = app;
            env["Buurtbudget__Postgres__OwnerConnectionString"] = owner;
            env["Buurtbudget__Postgres__AppRole"] = role;
        }
        var process = Process.Start(start) ?? throw new InvalidOperationException("could not start the server");
        var server = new ServerUnderTest(process, httpsPort, httpPort);
        await server.WaitUntilReadyAsync();
        return server;
    }

    private async Task WaitUntilReadyAsync()
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < TimeSpan.FromSeconds(60))
        {
            if (_process.HasExited)
            {
                await _drain;
                throw new InvalidOperationException($"The server exited with {_process.ExitCode}:\n{LastOutput}");
            }
            try
            {
                if ((await http.GetAsync(new Uri(HttpBase, "/health/ready"))).IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException)
            {
                // Listening but still starting.
            }
            await Task.Delay(200);
        }
        throw new TimeoutException("The server did not become ready within 60 s.");
    }

    private async Task DrainAsync(StreamReader reader)
    {
        while (await reader.ReadLineAsync() is { } line)
        {
            _tail.Enqueue(line);
            while (_tail.Count > 40)
            {
                _tail.TryDequeue(out _);
            }
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        if (_process.HasExited)
        {
            await _drain.WaitAsync(TimeSpan.FromSeconds(5));
            await Console.Error.WriteLineAsync($"The server had exited by itself with {_process.ExitCode}:\n{LastOutput}");
        }
        else
        {
            _process.Kill();
            await _process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(20));
        }
        await _drain.WaitAsync(TimeSpan.FromSeconds(5));
        _process.Dispose();
    }
}
