using System.Diagnostics;
using System.Text.Json;
using System.Threading.Channels;

namespace Buurtbudget.LoadBench;

/// <summary>
/// One Node process running tests/node/fanout-clients.mjs: a share of the SignalR connections. It exits when its
/// stdin closes (or after its own time limit); if it does not, it is killed by its PID.
/// </summary>
internal sealed class NodeClients : IAsyncDisposable
{
    private readonly Process _process;
    private readonly Channel<JsonElement> _lines = Channel.CreateUnbounded<JsonElement>();
    private readonly Task _reading;

    private NodeClients(Process process)
    {
        _process = process;
        _reading = Task.Run(async () =>
        {
            while (await process.StandardOutput.ReadLineAsync() is { } line)
            {
                if (line.StartsWith('{'))
                {
                    await _lines.Writer.WriteAsync(JsonDocument.Parse(line).RootElement.Clone());
                }
            }
            _lines.Writer.TryComplete();
        });
    }

    public static NodeClients Start(Uri hubUrl, int count, TimeSpan limit)
    {
        var folder = RepoPaths.NodeFolder();
        var start = new ProcessStartInfo("node")
        {
            WorkingDirectory = folder,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { Path.Combine(folder, "fanout-clients.mjs"), hubUrl.ToString(), count.ToString(System.Globalization.CultureInfo.InvariantCulture), ((int)limit.TotalSeconds).ToString(System.Globalization.CultureInfo.InvariantCulture) })
        {
            start.ArgumentList.Add(argument);
        }
        return new NodeClients(Process.Start(start) ?? throw new InvalidOperationException("could not start node"));
    }

    /// <summary>Waits until every connection was attempted; returns how many are open.</summary>
    public async Task<(int Connected, int Failed, string FirstError)> ConnectedAsync(TimeSpan within)
    {
        var line = await NextAsync("connected", within);
        return (line.GetProperty("connected").GetInt32(), line.GetProperty("failed").GetInt32(), line.GetProperty("firstError").GetString() ?? "");
    }

    /// <summary>Receipt times (Unix ms) per turnout since the last report.</summary>
    public async Task<Dictionary<int, List<double>>> ReportAsync()
    {
        await _process.StandardInput.WriteLineAsync("report");
        await _process.StandardInput.FlushAsync();
        var line = await NextAsync("report", TimeSpan.FromSeconds(60));
        var receipts = new Dictionary<int, List<double>>();
        foreach (var turnout in line.GetProperty("receipts").EnumerateObject())
        {
            receipts[int.Parse(turnout.Name, System.Globalization.CultureInfo.InvariantCulture)] = [.. turnout.Value.EnumerateArray().Select(t => t.GetDouble())];
        }
        return receipts;
    }

    private async Task<JsonElement> NextAsync(string type, TimeSpan within)
    {
        using var timeout = new CancellationTokenSource(within);
        while (true)
        {
            var line = await _lines.Reader.ReadAsync(timeout.Token);
            if (line.GetProperty("type").GetString() == type)
            {
                return line;
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            _process.StandardInput.Close();
            await _process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(30));
        }
        catch (TimeoutException)
        {
            _process.Kill();
            await _process.WaitForExitAsync();
        }
        await _reading.WaitAsync(TimeSpan.FromSeconds(5));
        _process.Dispose();
    }
}
