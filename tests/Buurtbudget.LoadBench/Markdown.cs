using System.Globalization;

namespace Buurtbudget.LoadBench;

/// <summary>Tables printed as Markdown, so a run's output goes into docs/performance.md as it is.</summary>
internal static class Markdown
{
    public static void Table(IReadOnlyList<string> header, IEnumerable<IReadOnlyList<string>> rows)
    {
        Console.WriteLine("| " + string.Join(" | ", header) + " |");
        Console.WriteLine("|" + string.Concat(header.Select((_, i) => i == 0 ? " --- |" : " ---: |")));
        foreach (var row in rows)
        {
            Console.WriteLine("| " + string.Join(" | ", row) + " |");
        }
        Console.WriteLine();
    }

    public static string Ms(double value) => double.IsNaN(value) ? "–" : value.ToString(value < 10 ? "0.00" : "0.0", CultureInfo.InvariantCulture) + " ms";

    public static string Number(double value) => value.ToString("N0", CultureInfo.InvariantCulture);

    public static string Ratio(double value) => value.ToString("0.00", CultureInfo.InvariantCulture) + "×";

    public static string Verdict(bool met) => met ? "met" : "**missed**";
}
