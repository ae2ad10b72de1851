namespace Buurtbudget.Cli.Output;

/// <summary>The human-readable form of a <see cref="CheckReport"/>.</summary>
internal static class CheckText
{
    public static void Write(CheckReport report, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(writer);

        writer.WriteLine($"{report.File}: valid Pabulib file");
        writer.WriteLine($"voters:         {report.VoterCount}");
        writer.WriteLine($"projects:       {report.ProjectCount}");
        writer.WriteLine($"budget:         {Numbers.Format(report.Budget)}{(report.Currency is { } c ? " " + c : "")}");
        writer.WriteLine($"vote type:      {report.VoteType}");
        if (report.Currency is { } currency)
        {
            writer.WriteLine($"currency:       {currency}");
        }

        if (report.Description is { } description)
        {
            writer.WriteLine($"description:    {description}");
        }

        writer.WriteLine(report.BallotDesign.IsEmpty
            ? "ballot design:  (not given)"
            : $"ballot design:  {string.Join(", ", report.BallotDesign.Select(m => $"{m.Key}={m.Value ?? "none"}"))}");

        if (report.Warnings.IsEmpty)
        {
            writer.WriteLine("warnings:       none");
            return;
        }

        writer.WriteLine($"warnings:       {report.Warnings.Length}");
        foreach (var warning in report.Warnings)
        {
            writer.WriteLine($"  - {warning}");
        }
    }
}
