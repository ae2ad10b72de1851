using System.Diagnostics;

namespace Buurtbudget.LoadBench;

/// <summary>
/// Polls the server's group-commit counters while a load runs and finds the longest time in which no commit finished,
/// with the number of appends at its start: a stall at a multiple of the grain's snapshot interval (10,000 entries)
/// points at snapshot writes, anywhere else at something else.
/// </summary>
internal sealed class CommitPauses : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly Task<(double PauseMs, long AppendsAtStart)> _polling;

    public CommitPauses(BenchClient client) => _polling = PollAsync(client, _stop.Token);

    private static async Task<(double, long)> PollAsync(BenchClient client, CancellationToken stop)
    {
        long lastCommits = -1, appendsAtLastChange = 0;
        var lastChange = Stopwatch.GetTimestamp();
        (double PauseMs, long Appends) longest = (0, 0);
        while (!stop.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(20, stop);
            }
            catch (OperationCanceledException)
            {
                break;
            }
            System.Text.Json.JsonElement counters;
            try
            {
                counters = await client.GetJsonAsync("/bench/ledger");
            }
            catch (HttpRequestException)
            {
                // A connection the server closed under load; the next poll takes another.
                continue;
            }
            long commits = counters.GetProperty("commits").GetInt64(), appends = counters.GetProperty("appends").GetInt64();
            var now = Stopwatch.GetTimestamp();
            if (commits != lastCommits)
            {
                lastCommits = commits;
                lastChange = now;
                appendsAtLastChange = appends;
            }
            double paused = Stopwatch.GetElapsedTime(lastChange, now).TotalMilliseconds;
            if (paused > longest.PauseMs)
            {
                longest = (paused, appendsAtLastChange);
            }
        }
        return longest;
    }

    public async Task<string> StopAsync()
    {
        await _stop.CancelAsync();
        var (pause, appends) = await _polling;
        // Each poll takes a request's time plus 20 ms, so shorter pauses are not seen at all.
        return pause == 0
            ? "every poll of the commit counter (about every 20–30 ms) saw a new commit"
            : $"longest time without a commit: {Markdown.Ms(pause)}, after {Markdown.Number(appends)} appends";
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _polling.ContinueWith(_ => { }, TaskScheduler.Default);
        _stop.Dispose();
    }
}
