using System.Collections.Concurrent;
using System.Diagnostics.Metrics;

namespace Buurtbudget.LoadBench;

/// <summary>
/// How long the client's requests waited for a free connection of its pool (System.Net.Http's
/// <c>http.client.request.time_in_queue</c>), so a latency tail can be split into the client's queue and the rest.
/// </summary>
internal sealed class ConnectionWaits : IDisposable
{
    private readonly MeterListener _listener = new();
    private readonly ConcurrentQueue<double> _milliseconds = new();

    public ConnectionWaits()
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == "System.Net.Http" && instrument.Name == "http.client.request.time_in_queue")
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        // The instrument records seconds.
        _listener.SetMeasurementEventCallback<double>((_, seconds, _, _) => _milliseconds.Enqueue(seconds * 1000));
        _listener.Start();
    }

    /// <summary>The waits since the last call.</summary>
    public Percentiles Take()
    {
        var taken = new List<double>();
        while (_milliseconds.TryDequeue(out var wait))
        {
            taken.Add(wait);
        }
        return new Percentiles(taken);
    }

    public void Dispose() => _listener.Dispose();
}
