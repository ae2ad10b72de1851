using System.CommandLine;
using Buurtbudget.Cli.Ledger;
using Buurtbudget.Cli.Output;
using Buurtbudget.Ledger;
using Buurtbudget.Ledger.Verification;

namespace Buurtbudget.Cli.Commands;

/// <summary>
/// <c>buurtbudget verify</c>: recomputes every hash chain from the store's raw rows, never through the running
/// system, and optionally compares heads with published fingerprints. Exit 0 intact, 3 broken, 1 unreadable store.
/// </summary>
internal sealed class VerifyCommand : Command
{
    private readonly Option<string?> _sqlite = new("--sqlite")
    {
        Description = "The SQLite ledger file to verify (opened read-only).",
        HelpName = "FILE",
    };

    private readonly Option<string?> _postgres = new("--postgres")
    {
        Description = "Connection string of the PostgreSQL ledger database; any role with SELECT on the ledger tables.",
        HelpName = "CONNECTION-STRING",
    };

    private readonly Option<string?> _stream = new("--stream")
    {
        Description = "Verify only this stream.",
        HelpName = "ID",
    };

    private readonly Option<string[]> _expectHead = new("--expect-head")
    {
        Description = "A published head (fingerprint) the stream must contain; repeat for several streams.",
        HelpName = "STREAM=HASH",
        Arity = ArgumentArity.ZeroOrMore,
    };

    private readonly Option<bool> _json = new("--json") { Description = "Print one JSON object instead of text." };

    public VerifyCommand()
        : base("verify", "Verify a ballot ledger's hash chains from its raw rows; exit 3 if it was tampered with.")
    {
        Add(_sqlite);
        Add(_postgres);
        Add(_stream);
        Add(_expectHead);
        Add(_json);
        Validators.Add(result =>
        {
            if ((result.GetResult(_sqlite) is null) == (result.GetResult(_postgres) is null))
            {
                result.AddError("Name exactly one store: --sqlite FILE or --postgres CONNECTION-STRING.");
            }
        });
        SetAction(Execute);
    }

    private int Execute(ParseResult parse)
    {
        var expected = ExpectedHeads(parse.GetValue(_expectHead) ?? []);
        var streamId = parse.GetValue(_stream);
        var rows = parse.GetValue(_sqlite) is { } file
            ? LedgerInput.ReadSqlite(file, streamId)
            : LedgerInput.ReadPostgres(parse.GetValue(_postgres)!, streamId);
        if (streamId is not null)
        {
            expected = expected.Where(e => e.Key == streamId).ToDictionary(StringComparer.Ordinal);
            if (rows.Entries.Count == 0 && rows.Heads.Count == 0 && expected.Count == 0)
            {
                throw new UserErrorException($"--stream {streamId}: no such stream in the ledger");
            }
        }

        var report = LedgerVerifier.Verify(rows, expected);
        var output = parse.InvocationConfiguration.Output;
        if (parse.GetValue(_json))
        {
            output.WriteLine(CliJson.Serialize(VerifyReport.From(report)));
        }
        else
        {
            VerifyText.Write(report, output);
        }

        return report.IsIntact ? ExitCodes.Success : ExitCodes.LedgerBroken;
    }

    private static Dictionary<string, EntryHash> ExpectedHeads(IEnumerable<string> values)
    {
        var heads = new Dictionary<string, EntryHash>(StringComparer.Ordinal);
        foreach (var value in values)
        {
            // Split at the last '=': a hash never contains one, a stream id might.
            var at = value.LastIndexOf('=');
            if (at <= 0 || !EntryHash.TryParse(value[(at + 1)..], out var hash))
            {
                throw new UserErrorException(
                    $"--expect-head {value}: expected STREAM=HASH with a {EntryHash.Length * 2}-character hexadecimal hash", ExitCodes.Usage);
            }

            heads[value[..at]] = hash;
        }

        return heads;
    }
}
