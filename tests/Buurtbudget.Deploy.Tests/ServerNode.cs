using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text.RegularExpressions;

namespace Buurtbudget.Deploy.Tests;

/// <summary>
/// One real server node: the Release build of src/Buurtbudget.Server as a child process, Kestrel on plain HTTP on
/// 127.0.0.1 (TLS ends in nginx), configured only through environment variables as a deployment would. Stopped by its
/// own PID.
/// </summary>
internal sealed partial class ServerNode : IAsyncDisposable
{
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _output = new();
    private readonly TaskCompletionSource<string[]> _demoCodes = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Task _drain;

    private ServerNode(Process process, int port)
    {
        _process = process;
        Port = port;
        _drain = Task.WhenAll(DrainAsync(process.StandardOutput), DrainAsync(process.StandardError));
    }

    public int Port { get; }

    public Uri BaseAddress => new($"http://127.0.0.1:{Port}");

    /// <summary>What the server printed, to show when a test fails.</summary>
    public string Output => string.Join('\n', _output);

    /// <summary>The settings every node here shares: production, a fresh secret, logs at Warning.</summary>
    public static Dictionary<string, string> Settings(string dataDirectory) => new()
    {
        ["ASPNETCORE_ENVIRONMENT"] = "Production",
        ["Logging__LogLevel__Default"] = "Warning",
        ["Buurtbudget__Demo"] = "false",
        ["Buurtbudget__DataDirectory"] = dataDirectory,
        ["Buurtbudget__Secret"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
    };

    /// <summary>Starts the node with <paramref name="settings"/> (environment variables) and waits until /health/ready answers.</summary>
    public static async Task<ServerNode> StartAsync(IReadOnlyDictionary<string, string> settings)
    {
        var node = Launch(settings, FreePort());
        await node.WaitUntilReadyAsync();
        return node;
    }

    /// <summary>Starts the node and waits for it to exit by itself (a refused configuration); returns its exit code and output.</summary>
    public static async Task<(int ExitCode, string Output)> RunUntilExitAsync(IReadOnlyDictionary<string, string> settings)
    {
        await using var node = Launch(settings, FreePort());
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await node._process.WaitForExitAsync(timeout.Token);
        await node._drain.WaitAsync(TimeSpan.FromSeconds(10));
        return (node._process.ExitCode, node.Output);
    }

    private static ServerNode Launch(IReadOnlyDictionary<string, string> settings, int port)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = settings["Buurtbudget__DataDirectory"],
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(RepoPaths.ServerDll());
        start.Environment["Kestrel__Endpoints__Http__Url"] = $"http://127.0.0.1:{port}";
        foreach (var (name, value) in settings)
        {
            start.Environment[name] = value;
        }
        return new ServerNode(Process.Start(start) ?? throw new InvalidOperationException("could not start the server"), port);
    }

    /// <summary>The demo voting codes the server prints at start (with Buurtbudget__Demo=true and the demo's log at Information).</summary>
    public Task<string[]> DemoCodesAsync() => _demoCodes.Task.WaitAsync(TimeSpan.FromSeconds(30));

    private async Task WaitUntilReadyAsync()
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < TimeSpan.FromSeconds(60))
        {
            if (_process.HasExited)
            {
                await _drain.WaitAsync(TimeSpan.FromSeconds(10));
                throw new InvalidOperationException($"The server exited with {_process.ExitCode}:\n{Output}");
            }
            try
            {
                if ((await http.GetAsync(new Uri(BaseAddress, "/health/ready"))).StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException)
            {
                // Not listening yet, or still starting.
            }
            await Task.Delay(100);
        }
        throw new TimeoutException($"The server did not become ready within 60 s:\n{Output}");
    }

    private async Task DrainAsync(StreamReader reader)
    {
        while (await reader.ReadLineAsync() is { } line)
        {
            _output.Enqueue(line);
            if (DemoCodesLine().Match(line) is { Success: true } match)
            {
                _demoCodes.TrySetResult(match.Groups[1].Value.Split(' ', StringSplitOptions.RemoveEmptyEntries));
            }
        }
    }

    [GeneratedRegex("Demo voting codes: (.+)$")]
    private static partial Regex DemoCodesLine();

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill();
        }
        await _process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(20));
        await _drain.WaitAsync(TimeSpan.FromSeconds(10));
        _process.Dispose();
    }

    public static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);
}
