using System.Collections.Concurrent;

namespace Buurtbudget.Server.Benchmark;

/// <summary>
/// When the server handed a message to SignalR and when SignalR had written it to every connection, as Unix
/// milliseconds with a fraction. The load tool's Node clients stamp receipts with the same wall clock (one machine),
/// so receipt minus send is the fan-out latency, and done minus send is the server's share of it.
/// </summary>
internal sealed class SendClock
{
    private readonly ConcurrentQueue<Send> _sends = new();

    public sealed record Send(string Hub, int Turnout, double UnixMs, double DoneUnixMs);

    public static double NowUnixMs() => (DateTimeOffset.UtcNow - DateTimeOffset.UnixEpoch).TotalMilliseconds;

    public void Record(string hub, int turnout, double unixMs, double doneUnixMs) => _sends.Enqueue(new Send(hub, turnout, unixMs, doneUnixMs));

    public IReadOnlyList<Send> All() => [.. _sends];
}
