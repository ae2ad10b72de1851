namespace Buurtbudget.LoadBench;

/// <summary>Nearest-rank percentiles of latencies in milliseconds.</summary>
internal sealed class Percentiles
{
    private readonly double[] _sorted;

    public Percentiles(IEnumerable<double> values)
    {
        _sorted = [.. values];
        Array.Sort(_sorted);
    }

    public int Count => _sorted.Length;

    public IReadOnlyList<double> Sorted => _sorted;

    public double P50 => At(0.50);

    public double P99 => At(0.99);

    public double Max => _sorted.Length == 0 ? double.NaN : _sorted[^1];

    public double At(double quantile) =>
        _sorted.Length == 0 ? double.NaN : _sorted[Math.Clamp((int)Math.Ceiling(quantile * _sorted.Length) - 1, 0, _sorted.Length - 1)];
}
