using System.CommandLine;
using Buurtbudget.Cli.Files;
using Buurtbudget.Cli.Output;

namespace Buurtbudget.Cli.Commands;

/// <summary><c>buurtbudget check FILE.pb</c>: is the file valid, what is in it, and what looks odd.</summary>
internal sealed class CheckCommand : Command
{
    private readonly Argument<string> _file = new("FILE") { Description = "The Pabulib (.pb) file to check." };

    private readonly Option<bool> _json = new("--json") { Description = "Print one JSON object instead of text." };

    public CheckCommand()
        : base("check", "Validate a Pabulib file and summarise it: voters, projects, budget, ballot design, warnings.")
    {
        Add(_file);
        Add(_json);
        SetAction(Execute);
    }

    private int Execute(ParseResult parse)
    {
        var path = parse.GetRequiredValue(_file);
        var report = CheckReport.From(path, PabulibInput.Read(path));
        var output = parse.InvocationConfiguration.Output;
        if (parse.GetValue(_json))
        {
            output.WriteLine(CliJson.Serialize(report));
        }
        else
        {
            CheckText.Write(report, output);
        }

        return ExitCodes.Success;
    }
}
