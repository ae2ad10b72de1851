using System.Numerics;
using Buurtbudget.Domain.Arithmetic;

namespace Buurtbudget.Domain.Tests.Rules;

public sealed class Rational_arithmetic
{
    [Fact]
    public void Fractions_are_kept_in_lowest_terms_with_a_positive_denominator()
    {
        var value = Rational.Of(6, -4);
        Assert.Equal(new BigInteger(-3), value.Numerator);
        Assert.Equal(new BigInteger(2), value.Denominator);
        Assert.Equal(Rational.Zero, Rational.Of(0, 7));
        Assert.Equal(default, Rational.Zero);
    }

    [Fact]
    public void Decimals_convert_exactly()
    {
        Assert.Equal(Rational.Of(3616778, 10), Rational.Of(361677.8m));
        Assert.Equal(Rational.Of(-1, 100), Rational.Of(-0.01m));
        Assert.Equal(361677.8m, Rational.Of(361677.8m).ToDecimal(6));
    }

    [Fact]
    public void One_third_times_three_is_exactly_one()
    {
        var third = Rational.Of(1, 3);
        Assert.Equal(Rational.One, third + third + third);
    }

    [Fact]
    public void Comparison_agrees_with_exact_cross_multiplication_on_random_fractions()
    {
        var random = new Random(42);
        for (var i = 0; i < 5000; i++)
        {
            var a = Rational.Of(random.NextInt64(-1_000_000, 1_000_000), random.NextInt64(1, 1_000_000));
            var b = Rational.Of(random.NextInt64(-1_000_000, 1_000_000), random.NextInt64(1, 1_000_000));
            var expected = (a.Numerator * b.Denominator).CompareTo(b.Numerator * a.Denominator);
            Assert.Equal(Math.Sign(expected), Math.Sign(a.CompareTo(b)));
            Assert.Equal(a, a + b - b);
            if (!b.IsZero)
            {
                Assert.Equal(a, a * b / b);
            }
        }
    }

    [Fact]
    public void Doubles_of_huge_fractions_are_accurate_to_the_last_bits()
    {
        var big = BigInteger.Pow(3, 400);
        var value = Rational.Of(big + 1, big * 7);
        Assert.Equal(1.0 / 7, value.ToDouble(), 15);
    }

    [Fact]
    public void Floor_and_ceiling_round_towards_minus_and_plus_infinity()
    {
        Assert.Equal(new BigInteger(2), Rational.Of(5, 2).Floor());
        Assert.Equal(new BigInteger(3), Rational.Of(5, 2).Ceiling());
        Assert.Equal(new BigInteger(-3), Rational.Of(-5, 2).Floor());
        Assert.Equal(new BigInteger(-2), Rational.Of(-5, 2).Ceiling());
        Assert.Equal(new BigInteger(4), Rational.Of(4).Ceiling());
    }

    [Fact]
    public void Division_by_zero_is_refused()
    {
        Assert.Throws<DivideByZeroException>(() => Rational.One / Rational.Zero);
        Assert.Throws<DivideByZeroException>(() => Rational.Of(1, 0));
    }
}
