using System.Globalization;

namespace Buurtbudget.Cli.Output;

/// <summary>Culture-free number text: the same file must print the same numbers on every machine.</summary>
internal static class Numbers
{
    // "G29" would switch to exponents for small amounts (1E-06); this pattern never does and drops trailing zeros.
    private const string PlainDecimal = "0.############################";

    public static string Format(decimal value) => value.ToString(PlainDecimal, CultureInfo.InvariantCulture);

    public static string Format(long value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>A percentage with one decimal, e.g. <c>97.3</c>.</summary>
    public static string Percent(decimal value) => value.ToString("0.0", CultureInfo.InvariantCulture);

    /// <summary>Part of the budget spent, rounded to one decimal; null when the budget is zero.</summary>
    public static decimal? PercentOf(decimal part, decimal whole) =>
        whole == 0 ? null : Math.Round(part * 100 / whole, 1, MidpointRounding.AwayFromZero);
}
