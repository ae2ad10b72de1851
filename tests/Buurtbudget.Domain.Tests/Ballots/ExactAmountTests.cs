using System.Numerics;
using Buurtbudget.Domain.Ballots;

namespace Buurtbudget.Domain.Tests.Ballots;

public class ExactAmountTests
{
    [Fact]
    public void Every_decimal_survives_the_round_trip_through_exact_units()
    {
        Seeds.Check(2_000, random =>
        {
            var value = new RandomBallots(random).AnyDecimal();

            Assert.Equal(value, ExactAmount.ToDecimal(ExactAmount.ToUnits(value)));
            Assert.Equal(ReferenceRules.Exact(value), ExactAmount.ToUnits(value));
        });
    }

    [Fact]
    public void Units_are_exact_multiples_of_the_finest_decimal_step()
    {
        Assert.Equal(BigInteger.Pow(10, 27), ExactAmount.ToUnits(0.1m));
        Assert.Equal(-BigInteger.Pow(10, 28), ExactAmount.ToUnits(-1m));
        Assert.Equal(BigInteger.One, ExactAmount.ToUnits(0.0000000000000000000000000001m));
    }

    [Fact]
    public void A_sum_keeps_what_decimal_addition_would_round_away()
    {
        var sum = ExactAmount.Sum([10_000_000_000_000_000_000_000_000_000m, 0.1m]);

        Assert.True(sum > ExactAmount.ToUnits(10_000_000_000_000_000_000_000_000_000m));
    }

    [Fact]
    public void Converting_back_rounds_to_the_nearest_decimal_and_clamps_to_its_range()
    {
        var aHairAboveOneE20 = ExactAmount.ToUnits(100_000_000_000_000_000_000m) + 1;

        Assert.Equal(100_000_000_000_000_000_000m, ExactAmount.ToDecimal(aHairAboveOneE20));
        Assert.Equal(decimal.MaxValue, ExactAmount.ToDecimal(ExactAmount.ToUnits(decimal.MaxValue) * 2));
        Assert.Equal(decimal.MinValue, ExactAmount.ToDecimal(ExactAmount.ToUnits(decimal.MinValue) * 2));
    }

    [Fact]
    public void A_difference_of_extreme_amounts_does_not_overflow()
    {
        Assert.Equal(decimal.MaxValue, ExactAmount.Difference(decimal.MaxValue, decimal.MinValue));
        Assert.Equal(0.01m, ExactAmount.Difference(5_600.50m, 5_600.49m));
    }
}
