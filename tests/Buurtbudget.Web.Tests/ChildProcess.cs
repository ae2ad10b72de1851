using System.Collections.Concurrent;
using System.Diagnostics;

namespace Buurtbudget.Web.Tests;

/// <summary>
/// A process these tests started: its output kept (the last lines, to explain a failure), both pipes drained so it
/// never blocks, and ended by its own PID when disposed — never by name.
/// </summary>
internal sealed class ChildProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _lines = new();
    private readonly Task _drain;
    private readonly int _keep;

    public ChildProcess(ProcessStartInfo start, int keepLines = 200)
    {
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        start.RedirectStandardInput = true;
        start.UseShellExecute = false;
        _keep = keepLines;
        _process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {start.FileName}");
        _drain = Task.WhenAll(DrainAsync(_process.StandardOutput), DrainAsync(_process.StandardError));
    }

    public event Action<string>? Line;

    public bool HasExited => _process.HasExited;

    public int ExitCode => _process.ExitCode;

    public string Output => string.Join('\n', _lines);

    public async Task<int> WaitAsync(TimeSpan timeout)
    {
        using var cancel = new CancellationTokenSource(timeout);
        try
        {
            await _process.WaitForExitAsync(cancel.Token);
        }
        catch (OperationCanceledException)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
            _lines.Enqueue($"(stopped after {timeout.TotalSeconds:0} s)");
        }
        await _drain;
        return _process.ExitCode;
    }

    private async Task DrainAsync(StreamReader reader)
    {
        while (await reader.ReadLineAsync() is { } line)
        {
            _lines.Enqueue(line);
            while (_lines.Count > _keep)
            {
                _lines.TryDequeue(out _);
            }
            Line?.Invoke(line);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            // Node children stop when stdin closes; the server is killed.
            _process.StandardInput.Close();
            using var grace = new CancellationTokenSource(TimeSpan.FromSeconds(2));
            try
            {
                await _process.WaitForExitAsync(grace.Token);
            }
            catch (OperationCanceledException)
            {
                _process.Kill(entireProcessTree: true);
            }
        }
        await _process.WaitForExitAsync();
        await _drain.WaitAsync(TimeSpan.FromSeconds(10));
        _process.Dispose();
    }
}
