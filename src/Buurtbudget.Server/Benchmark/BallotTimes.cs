using System.Diagnostics;

namespace Buurtbudget.Server.Benchmark;

/// <summary>
/// Where a ballot's time goes inside the server, for the load benchmark: from the first middleware to the last byte
/// handed to Kestrel (<see cref="Total"/>), split at the moment the endpoint starts (after sign-in, session and
/// residence checks: <see cref="BeforeEndpoint"/>; the endpoint itself, the grain and the commit included:
/// <see cref="Endpoint"/>). Only <c>POST …/ballots</c> is timed. Bench-only: registered when benchmarking is on.
/// </summary>
internal sealed class BallotTimes
{
    private static readonly object StartKey = new();

    public Samples Total { get; } = new();

    public Samples BeforeEndpoint { get; } = new();

    public Samples Endpoint { get; } = new();

    public static bool IsBallot(HttpRequest request) =>
        HttpMethods.IsPost(request.Method) && request.Path.Value is { } path && path.EndsWith("/ballots", StringComparison.Ordinal);

    /// <summary>The outermost middleware: the whole request as the server sees it.</summary>
    public async Task TimeWholeRequestAsync(HttpContext context, RequestDelegate next)
    {
        if (!IsBallot(context.Request))
        {
            await next(context);
            return;
        }
        long start = Stopwatch.GetTimestamp();
        context.Items[StartKey] = start;
        await next(context);
        Total.Add(Stopwatch.GetElapsedTime(start));
    }

    /// <summary>The innermost middleware, just before the endpoint runs.</summary>
    public async Task TimeEndpointAsync(HttpContext context, RequestDelegate next)
    {
        if (context.Items[StartKey] is not long start)
        {
            await next(context);
            return;
        }
        long reached = Stopwatch.GetTimestamp();
        BeforeEndpoint.Add(Stopwatch.GetElapsedTime(start, reached));
        await next(context);
        Endpoint.Add(Stopwatch.GetElapsedTime(reached));
    }

    /// <summary>Milliseconds, kept in a fixed array so recording never allocates; later samples are dropped.</summary>
    internal sealed class Samples
    {
        private readonly double[] _milliseconds = new double[2_000_000];
        private int _count;

        public void Add(TimeSpan elapsed)
        {
            int index = Interlocked.Increment(ref _count) - 1;
            if (index < _milliseconds.Length)
            {
                _milliseconds[index] = elapsed.TotalMilliseconds;
            }
        }

        /// <summary>The samples since the last call, and a fresh start.</summary>
        public double[] Take()
        {
            int count = Math.Min(Interlocked.Exchange(ref _count, 0), _milliseconds.Length);
            return _milliseconds[..count];
        }
    }
}
