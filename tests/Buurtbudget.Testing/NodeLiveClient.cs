using System.Diagnostics;
using System.Text.Json;
using System.Threading.Channels;

namespace Buurtbudget.Testing;

/// <summary>The official JavaScript SignalR client (tests/node/live-client.mjs) as a child process of the test.</summary>
public sealed class NodeLiveClient : IAsyncDisposable
{
    private readonly Process _process;
    private readonly Channel<JsonElement> _messages = Channel.CreateUnbounded<JsonElement>();
    private readonly Task _reading;

    private NodeLiveClient(Process process)
    {
        _process = process;
        _reading = Task.Run(async () =>
        {
            while (await process.StandardOutput.ReadLineAsync() is { } line)
            {
                if (line.StartsWith('{'))
                {
                    await _messages.Writer.WriteAsync(JsonDocument.Parse(line).RootElement.Clone());
                }
            }
            _messages.Writer.TryComplete();
        });
    }

    /// <param name="environment">Extra environment for node, for example <c>NODE_EXTRA_CA_CERTS</c> to trust a test
    /// certificate, or <c>BUURTBUDGET_LIVE_TRANSPORT=websockets</c> to allow no fallback from WebSockets.</param>
    public static NodeLiveClient Start(string baseUrl, string neighbourhood, string cycle, string? origin = null,
        IReadOnlyDictionary<string, string>? environment = null)
    {
        var script = Path.Combine(NodeFolder(), "live-client.mjs");
        var start = new ProcessStartInfo("node") { RedirectStandardInput = true, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }
        foreach (var argument in new[] { script, baseUrl, neighbourhood, cycle }.Concat(origin is null ? [] : [origin]))
        {
            start.ArgumentList.Add(argument);
        }
        return new NodeLiveClient(Process.Start(start) ?? throw new InvalidOperationException("could not start node"));
    }

    /// <summary>tests/node, found from the test assembly's folder; run-all.sh installs its packages.</summary>
    private static string NodeFolder()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "tests", "node");
            if (File.Exists(Path.Combine(candidate, "live-client.mjs")))
            {
                return Directory.Exists(Path.Combine(candidate, "node_modules", "@microsoft", "signalr"))
                    ? candidate
                    : throw new InvalidOperationException($"Run 'npm ci' in {candidate} (tests/run-all.sh does).");
            }
        }
        throw new InvalidOperationException("tests/node/live-client.mjs not found above " + AppContext.BaseDirectory);
    }

    /// <summary>The next message matching <paramref name="accept"/>; earlier ones are skipped. Bounded, so a
    /// message that never comes fails the test instead of hanging it.</summary>
    public async Task<JsonElement> NextAsync(Func<JsonElement, bool> accept, TimeSpan? within = null)
    {
        using var timeout = new CancellationTokenSource(within ?? TimeSpan.FromSeconds(30));
        while (await _messages.Reader.WaitToReadAsync(timeout.Token))
        {
            while (_messages.Reader.TryRead(out var message))
            {
                if (accept(message))
                {
                    return message;
                }
            }
        }
        throw new InvalidOperationException("The live client ended without the expected message.");
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.StandardInput.Close();
            using var grace = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            try
            {
                await _process.WaitForExitAsync(grace.Token);
            }
            catch (OperationCanceledException)
            {
                _process.Kill();
            }
        }
        await _reading;
        _process.Dispose();
    }
}
