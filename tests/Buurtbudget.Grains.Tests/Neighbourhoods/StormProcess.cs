using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;

namespace Buurtbudget.Grains.Tests.Neighbourhoods;

/// <summary>The ballot-storm host as a child process this test started, and may kill (only it, by its PID).</summary>
internal sealed class StormProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly Task _reading;
    private readonly TaskCompletionSource _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Lock _lock = new();
    private (int Count, TaskCompletionSource Reached, bool Kill)? _waitFor;
    private volatile bool _killed;
    private int _answers;

    private StormProcess(Process process)
    {
        _process = process;
        _reading = Task.Run(ReadAsync);
    }

    /// <summary>Receipts the host acknowledged: voter → (position, entry hash).</summary>
    public ConcurrentDictionary<int, (long Position, string Hash)> Acknowledged { get; } = new();

    public ConcurrentQueue<string> Errors { get; } = new();

    public static StormProcess Start(params string[] arguments)
    {
        var host = Path.Combine(AppContext.BaseDirectory, "Buurtbudget.BallotStormHost.dll");
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(host);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        return new StormProcess(Process.Start(start) ?? throw new InvalidOperationException("could not start the storm host"));
    }

    public async Task SetupAsync(int voters)
    {
        await _process.StandardInput.WriteLineAsync($"setup {voters}");
        await _process.StandardInput.FlushAsync();
        await _ready.Task.WaitAsync(TimeSpan.FromSeconds(60));
    }

    /// <summary>Sends every cast at once (they pipeline inside the host) and returns a task for the
    /// moment <paramref name="answers"/> of them have been answered; with <paramref name="killThen"/>, the host
    /// is killed with SIGKILL right as that answer is read, while the rest of the storm is still in flight.</summary>
    public async Task<Task> CastAsync(IEnumerable<(int Voter, string Key, string Projects)> casts, int answers, bool killThen)
    {
        var reached = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_lock)
        {
            _waitFor = (answers, reached, killThen);
            if (_answers >= answers)
            {
                reached.TrySetResult();
            }
        }
        var lines = string.Concat(casts.Select(c => $"cast {c.Voter} {c.Key} {c.Projects}\n"));
        try
        {
            await _process.StandardInput.WriteAsync(lines);
            await _process.StandardInput.FlushAsync();
        }
        catch (IOException) when (killThen && _killed)
        {
            // Bug: the kill can land while a large storm is still being written into the pipe; the casts not yet
            // written were never sent, which is what a client cut off by a crash sees too.
        }
        return reached.Task;
    }

    public string Describe() => $"{_answers} answers so far, host {(_process.HasExited ? "exited" : "running")}";

    /// <summary>SIGKILL: no chance to flush, finish or say goodbye.</summary>
    public async Task KillAsync()
    {
        _process.Kill(entireProcessTree: false);
        await _process.WaitForExitAsync();
        await _reading;
    }

    public async Task StopAsync()
    {
        _process.StandardInput.Close();
        await _process.WaitForExitAsync();
        await _reading;
    }

    private async Task ReadAsync()
    {
        while (await _process.StandardOutput.ReadLineAsync() is { } line)
        {
            var parts = line.Split(' ', 4);
            if (parts[0] == "ready")
            {
                _ready.TrySetResult();
                continue;
            }
            if (parts.Length < 4)
            {
                continue; // a line cut short by the kill
            }
            if (parts[0] == "ok")
            {
                Acknowledged[int.Parse(parts[1], CultureInfo.InvariantCulture)] = (long.Parse(parts[2], CultureInfo.InvariantCulture), parts[3]);
            }
            else if (parts[0] == "err")
            {
                Errors.Enqueue(line);
            }
            lock (_lock)
            {
                _answers++;
                if (_waitFor is { } wait && _answers >= wait.Count)
                {
                    if (wait.Kill && !wait.Reached.Task.IsCompleted)
                    {
                        _killed = true;
                        _process.Kill(entireProcessTree: false);
                    }
                    wait.Reached.TrySetResult();
                }
            }
        }
        _ready.TrySetException(new InvalidOperationException("The storm host exited: " + await _process.StandardError.ReadToEndAsync()));
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: false);
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
    }
}
