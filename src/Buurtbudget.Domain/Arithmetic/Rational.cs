using System.Globalization;
using System.Numerics;

namespace Buurtbudget.Domain.Arithmetic;

/// <summary>
/// An exact fraction. Outcome rules compare prices and loads that decide who gets public money;
/// floating point would turn real ties into coin flips, so every deciding comparison uses this type.
/// Always normalised: the denominator is positive and shares no factor with the numerator.
/// </summary>
public readonly struct Rational : IEquatable<Rational>, IComparable<Rational>
{
    private readonly BigInteger _numerator;
    private readonly BigInteger _denominatorMinusOne; // so that default(Rational) is 0/1

    private Rational(BigInteger numerator, BigInteger denominator, bool normalised)
    {
        if (!normalised)
        {
            if (denominator.IsZero)
            {
                throw new DivideByZeroException("A fraction cannot have denominator zero.");
            }

            if (denominator.Sign < 0)
            {
                numerator = -numerator;
                denominator = -denominator;
            }

            if (!denominator.IsOne)
            {
                var gcd = BigInteger.GreatestCommonDivisor(numerator, denominator);
                if (!gcd.IsOne && !gcd.IsZero)
                {
                    numerator /= gcd;
                    denominator /= gcd;
                }
            }

            if (numerator.IsZero)
            {
                denominator = BigInteger.One;
            }
        }

        _numerator = numerator;
        _denominatorMinusOne = denominator - BigInteger.One;
    }

    public static Rational Zero => default;

    public static Rational One => new(BigInteger.One, BigInteger.One, normalised: true);

    public BigInteger Numerator => _numerator;

    public BigInteger Denominator => _denominatorMinusOne + BigInteger.One;

    public int Sign => _numerator.Sign;

    public bool IsZero => _numerator.IsZero;

    public bool IsInteger => _denominatorMinusOne.IsZero;

    public static Rational Of(BigInteger numerator, BigInteger denominator) => new(numerator, denominator, normalised: false);

    public static Rational Of(long value) => new(value, BigInteger.One, normalised: true);

    /// <summary>The exact value of a decimal: 361677.8 becomes 3616778/10.</summary>
    public static Rational Of(decimal value)
    {
        Span<int> bits = stackalloc int[4];
        decimal.GetBits(value, bits);
        var scale = (bits[3] >> 16) & 0xFF;
        var negative = bits[3] < 0;
        var magnitude = ((BigInteger)(uint)bits[2] << 64) | ((BigInteger)(uint)bits[1] << 32) | (uint)bits[0];
        return Of(negative ? -magnitude : magnitude, BigInteger.Pow(10, scale));
    }

    public static implicit operator Rational(long value) => Of(value);

    public static Rational operator +(Rational a, Rational b)
    {
        if (a.IsInteger && b.IsInteger)
        {
            return new(a._numerator + b._numerator, BigInteger.One, normalised: true);
        }

        return Of((a._numerator * b.Denominator) + (b._numerator * a.Denominator), a.Denominator * b.Denominator);
    }

    public static Rational operator -(Rational a, Rational b)
    {
        if (a.IsInteger && b.IsInteger)
        {
            return new(a._numerator - b._numerator, BigInteger.One, normalised: true);
        }

        return Of((a._numerator * b.Denominator) - (b._numerator * a.Denominator), a.Denominator * b.Denominator);
    }

    public static Rational operator -(Rational a) => new(-a._numerator, a.Denominator, normalised: true);

    public static Rational operator *(Rational a, Rational b) =>
        Of(a._numerator * b._numerator, a.Denominator * b.Denominator);

    public static Rational operator /(Rational a, Rational b)
    {
        if (b.IsZero)
        {
            throw new DivideByZeroException("Division of a fraction by zero.");
        }

        return Of(a._numerator * b.Denominator, a.Denominator * b._numerator);
    }

    public static bool operator ==(Rational a, Rational b) => a.Equals(b);

    public static bool operator !=(Rational a, Rational b) => !a.Equals(b);

    public static bool operator <(Rational a, Rational b) => a.CompareTo(b) < 0;

    public static bool operator >(Rational a, Rational b) => a.CompareTo(b) > 0;

    public static bool operator <=(Rational a, Rational b) => a.CompareTo(b) <= 0;

    public static bool operator >=(Rational a, Rational b) => a.CompareTo(b) >= 0;

    public static Rational Min(Rational a, Rational b) => a <= b ? a : b;

    public static Rational Max(Rational a, Rational b) => a >= b ? a : b;

    public int CompareTo(Rational other)
    {
        if (_denominatorMinusOne == other._denominatorMinusOne)
        {
            return _numerator.CompareTo(other._numerator);
        }

        if (_numerator.Sign != other._numerator.Sign)
        {
            return _numerator.Sign.CompareTo(other._numerator.Sign);
        }

        return (_numerator * other.Denominator).CompareTo(other._numerator * Denominator);
    }

    public bool Equals(Rational other) =>
        _numerator == other._numerator && _denominatorMinusOne == other._denominatorMinusOne;

    public override bool Equals(object? obj) => obj is Rational other && Equals(other);

    public override int GetHashCode() => HashCode.Combine(_numerator, _denominatorMinusOne);

    /// <summary>Nearest double; for display and for cheap pre-filtering only, never for a deciding comparison.</summary>
    public double ToDouble()
    {
        if (IsInteger)
        {
            return (double)_numerator;
        }

        var denominator = Denominator;
        // Scale so the quotient keeps ~64 significant bits before the final rounding to double.
        var shift = (int)(denominator.GetBitLength() - _numerator.GetBitLength()) + 64;
        if (shift <= 0)
        {
            return (double)(_numerator / denominator);
        }

        var scaled = (_numerator << shift) / denominator;
        return Math.ScaleB((double)scaled, -shift);
    }

    /// <summary>The value rounded to <paramref name="decimals"/> places (half away from zero), for reports.</summary>
    public decimal ToDecimal(int decimals = 6)
    {
        var factor = BigInteger.Pow(10, decimals);
        var scaled = BigInteger.DivRem(_numerator * factor * 2, Denominator, out _);
        var rounded = (scaled + scaled.Sign) / 2;
        return (decimal)rounded / (decimal)factor;
    }

    /// <summary>The largest integer not above this value.</summary>
    public BigInteger Floor()
    {
        var quotient = BigInteger.DivRem(_numerator, Denominator, out var remainder);
        return remainder.Sign < 0 ? quotient - 1 : quotient;
    }

    /// <summary>The smallest integer not below this value.</summary>
    public BigInteger Ceiling()
    {
        var quotient = BigInteger.DivRem(_numerator, Denominator, out var remainder);
        return remainder.Sign > 0 ? quotient + 1 : quotient;
    }

    public override string ToString() => IsInteger
        ? _numerator.ToString(CultureInfo.InvariantCulture)
        : string.Create(CultureInfo.InvariantCulture, $"{_numerator}/{Denominator}");
}
