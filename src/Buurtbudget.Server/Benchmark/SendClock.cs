using System.Collections.Concurrent;

namespace Buurtbudget.Server.Benchmark;

/// <summary>
/// When the server handed a message to SignalR, as Unix milliseconds with a fraction. The load tool's Node clients
/// stamp receipts with the same wall clock (one machine), so receipt minus send is the fan-out latency.
/// </summary>
internal sealed class SendClock
{
    private readonly ConcurrentQueue<Send> _sends = new();

    public sealed record Send(string Hub, int Turnout, double UnixMs);

    public static double NowUnixMs() => (DateTimeOffset.UtcNow - DateTimeOffset.UnixEpoch).TotalMilliseconds;

    public void Record(string hub, int turnout, double unixMs) => _sends.Enqueue(new Send(hub, turnout, unixMs));

    public IReadOnlyList<Send> All() => [.. _sends];
}
