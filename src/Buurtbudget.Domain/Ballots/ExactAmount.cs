using System.Numerics;

namespace Buurtbudget.Domain.Ballots;

/// <summary>
/// Exact sums of decimals. Adding decimals can silently round (1e28 + 0.1 == 1e28) or overflow, and a
/// ballot's total decides whether it is accepted, so totals are kept as whole multiples of 10^-28 (the
/// finest step a decimal has) in a <see cref="BigInteger"/>.
/// </summary>
internal static class ExactAmount
{
    private const int _finestScale = 28;
    private static readonly BigInteger _maxMantissa = (BigInteger.One << 96) - 1;

    public static BigInteger ToUnits(decimal value)
    {
        Span<int> bits = stackalloc int[4];
        decimal.GetBits(value, bits);
        var mantissa = new BigInteger((uint)bits[0])
            | (new BigInteger((uint)bits[1]) << 32)
            | (new BigInteger((uint)bits[2]) << 64);
        var scale = (bits[3] >> 16) & 0xFF;
        var units = mantissa * BigInteger.Pow(10, _finestScale - scale);
        return bits[3] < 0 ? -units : units;
    }

    public static BigInteger Sum(IEnumerable<decimal> values)
    {
        var total = BigInteger.Zero;
        foreach (var value in values)
        {
            total += ToUnits(value);
        }

        return total;
    }

    public static decimal Difference(decimal larger, decimal smaller) =>
        ToDecimal(ToUnits(larger) - ToUnits(smaller));

    /// <summary>Back to a decimal for reporting: rounded to the nearest decimal when too precise, and
    /// clamped to decimal's range when too large (only absurd inputs get there; the verdict itself never
    /// depends on this conversion).</summary>
    public static decimal ToDecimal(BigInteger units)
    {
        var negative = units.Sign < 0;
        var mantissa = BigInteger.Abs(units);
        var scale = _finestScale;
        while (scale > 0 && mantissa % 10 == 0)
        {
            mantissa /= 10;
            scale--;
        }

        // Drop digits in one division so the result is rounded once, not once per digit.
        var drop = 0;
        while (drop < scale && RoundAway(mantissa, drop) > _maxMantissa)
        {
            drop++;
        }

        mantissa = RoundAway(mantissa, drop);
        scale -= drop;
        if (mantissa > _maxMantissa)
        {
            return negative ? decimal.MinValue : decimal.MaxValue;
        }

        var lo = (int)(uint)(mantissa & uint.MaxValue);
        var mid = (int)(uint)((mantissa >> 32) & uint.MaxValue);
        var hi = (int)(uint)(mantissa >> 64);
        return new decimal(lo, mid, hi, negative, (byte)scale);
    }

    private static BigInteger RoundAway(BigInteger mantissa, int digits)
    {
        if (digits == 0)
        {
            return mantissa;
        }

        var divisor = BigInteger.Pow(10, digits);
        return (mantissa + (divisor / 2)) / divisor;
    }
}
