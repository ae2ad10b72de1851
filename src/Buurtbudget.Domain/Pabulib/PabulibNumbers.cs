using System.Globalization;

namespace Buurtbudget.Domain.Pabulib;

/// <summary>Culture-invariant number reading and writing for costs, budgets and points.</summary>
internal static class PabulibNumbers
{
    // No thousands separators and no decimal comma: "4,000" must never silently become 4.
    private const NumberStyles DecimalStyle =
        NumberStyles.AllowLeadingWhite | NumberStyles.AllowTrailingWhite | NumberStyles.AllowLeadingSign
        | NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent;

    private const NumberStyles WholeStyle = NumberStyles.AllowLeadingWhite | NumberStyles.AllowTrailingWhite;

    public static bool TryParseDecimal(ReadOnlySpan<char> text, out decimal value) =>
        decimal.TryParse(text, DecimalStyle, CultureInfo.InvariantCulture, out value);

    public static bool TryParseCount(ReadOnlySpan<char> text, out int value) =>
        int.TryParse(text, WholeStyle, CultureInfo.InvariantCulture, out value);

    /// <summary>Decimal keeps the scale it was parsed with, so <c>4000.0</c> is written back as <c>4000.0</c>.</summary>
    public static string Format(decimal value) => value.ToString(CultureInfo.InvariantCulture);

    public static string Format(int value) => value.ToString(CultureInfo.InvariantCulture);
}
