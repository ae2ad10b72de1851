using System.Collections.Immutable;
using System.Text;

namespace Buurtbudget.Domain.Households;

/// <summary>
/// A corporation's address list as a spreadsheet exports it: CSV with a header row, separated by ';' (Dutch
/// Excel), ',' or tabs, fields optionally quoted as in RFC 4180. Every problem is reported with its line and the
/// whole list is refused, so a half-imported list never produces letters for some households only.
/// </summary>
public sealed record AddressList(ImmutableArray<string> Header, ImmutableArray<Household> Households, char Separator)
{
    public const int MaxHouseholds = 20_000;
    public const int MaxFieldLength = 500;
    public const string CodeColumn = "voting_code";

    public static AddressList Read(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var problems = new List<AddressListProblem>();
        char separator = SeparatorOf(text);
        var rows = CsvRows.Read(text.StartsWith('\uFEFF') ? text[1..] : text, separator, problems);
        if (problems.Count > 0)
        {
            throw new AddressListException([.. problems]);
        }
        if (rows.Count == 0)
        {
            throw new AddressListException([new AddressListProblem(1, "The file is empty. Put column names on the first line and one household per line below it.")]);
        }
        var (headerLine, header) = rows[0];
        CheckHeader(headerLine, header, problems);
        var households = new List<Household>();
        var firstLineOf = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        foreach (var (line, fields) in rows.Skip(1))
        {
            if (fields.All(f => f.Trim().Length == 0))
            {
                continue;
            }
            if (fields.Length != header.Length)
            {
                problems.Add(new(line, $"This line has {fields.Length} field{(fields.Length == 1 ? "" : "s")}, the header has {header.Length}. Check for a missing or extra '{Shown(separator)}'."));
                continue;
            }
            var trimmed = fields.Select(f => f.Trim()).ToImmutableArray();
            if (CheckFields(line, trimmed, problems))
            {
                var household = new Household(line, trimmed);
                string key = string.Join(" ", household.Label.Split(' ', StringSplitOptions.RemoveEmptyEntries));
                if (firstLineOf.TryGetValue(key, out int first))
                {
                    problems.Add(new(line, $"This household is already on line {first}; each household gets one code."));
                    continue;
                }
                firstLineOf[key] = line;
                households.Add(household);
            }
        }
        if (households.Count == 0 && problems.Count == 0)
        {
            problems.Add(new(headerLine + 1, "There are no households below the header."));
        }
        if (households.Count > MaxHouseholds)
        {
            problems.Add(new(households[MaxHouseholds].Line, $"At most {MaxHouseholds:N0} households per list; split the list."));
        }
        return problems.Count > 0
            ? throw new AddressListException([.. problems.OrderBy(p => p.Line)])
            : new AddressList([.. header.Select(h => h.Trim())], [.. households], separator);
    }

    /// <summary>
    /// The mail-merge file: the list as it came, with each household's code in an extra column, in the same
    /// separator so the spreadsheet opens it the same way. Cells that a spreadsheet would run as a formula are
    /// prefixed with an apostrophe (CSV injection).
    /// </summary>
    public string WithCodes(IReadOnlyList<string> codes)
    {
        ArgumentNullException.ThrowIfNull(codes);
        if (codes.Count != Households.Length)
        {
            throw new ArgumentException($"Expected {Households.Length} codes, got {codes.Count}.", nameof(codes));
        }
        var output = new StringBuilder();
        AppendRow(output, [.. Header, CodeColumn]);
        for (int i = 0; i < Households.Length; i++)
        {
            AppendRow(output, [.. Households[i].Fields, codes[i]]);
        }
        return output.ToString();
    }

    private void AppendRow(StringBuilder output, IReadOnlyList<string> fields)
    {
        for (int i = 0; i < fields.Count; i++)
        {
            if (i > 0)
            {
                output.Append(Separator);
            }
            string field = fields[i].Length > 0 && fields[i][0] is '=' or '+' or '-' or '@' ? "'" + fields[i] : fields[i];
            bool quote = field.Contains(Separator) || field.Contains('"') || field.Contains('\n') || field.Contains('\r');
            output.Append(quote ? "\"" + field.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : field);
        }
        output.Append("\r\n");
    }

    /// <summary>The separator is the one of ';', ',' and tab that occurs most on the header line (outside quotes).</summary>
    private static char SeparatorOf(string text)
    {
        int semicolons = 0, commas = 0, tabs = 0;
        bool quoted = false;
        foreach (char c in text)
        {
            if (c == '"')
            {
                quoted = !quoted;
            }
            else if (!quoted && c is '\n' or '\r')
            {
                break;
            }
            else if (!quoted)
            {
                semicolons += c == ';' ? 1 : 0;
                commas += c == ',' ? 1 : 0;
                tabs += c == '\t' ? 1 : 0;
            }
        }
        return tabs > semicolons && tabs > commas ? '\t' : semicolons >= commas && semicolons > 0 ? ';' : ',';
    }

    private static void CheckHeader(int line, ImmutableArray<string> header, List<AddressListProblem> problems)
    {
        var names = header.Select(h => h.Trim()).ToList();
        if (names.All(n => n.Length == 0))
        {
            problems.Add(new(line, "The first line must name the columns, for example: straat;huisnummer;postcode;plaats."));
            return;
        }
        foreach (var repeated in names.Where(n => n.Length > 0).GroupBy(n => n, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1))
        {
            problems.Add(new(line, $"The column '{repeated.Key}' appears more than once."));
        }
        if (names.Contains(CodeColumn, StringComparer.OrdinalIgnoreCase))
        {
            problems.Add(new(line, $"The list already has a '{CodeColumn}' column; upload the address list, not an earlier mail-merge file."));
        }
        CheckFields(line, [.. names], problems);
    }

    private static bool CheckFields(int line, ImmutableArray<string> fields, List<AddressListProblem> problems)
    {
        int before = problems.Count;
        if (fields.FirstOrDefault(f => f.Length > MaxFieldLength) is { } tooLong)
        {
            problems.Add(new(line, $"A field is {tooLong.Length} characters long; at most {MaxFieldLength} are allowed."));
        }
        if (fields.Any(f => f.Any(c => char.IsControl(c))))
        {
            problems.Add(new(line, "A field contains a control character (such as a line break inside quotes); put each household on one line."));
        }
        return problems.Count == before;
    }

    private static string Shown(char separator) => separator == '\t' ? "tab" : separator.ToString();
}
