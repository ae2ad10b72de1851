using System.Reflection.Metadata;
using System.Reflection.Metadata.Ecma335;
using System.Reflection.PortableExecutable;
using System.Text.Json;
using Buurtbudget.Server.Errors;
using Buurtbudget.Testing;

namespace Buurtbudget.Server.Tests;

/// <summary>
/// The web front end says a problem in Dutch by its code, the kebab case of the server's English title. A code spelt
/// differently from any title would never match, and the resident would silently get the English words instead.
/// </summary>
public sealed class Problem_codes
{
    [Theory]
    [InlineData("nl")]
    [InlineData("en")]
    public void Every_problem_the_front_end_translates_is_one_the_server_can_give(string language)
    {
        // Titles are string literals in the server's code; every literal is a candidate, so this checks spelling only.
        var sayable = Literals(typeof(ProblemCodes).Assembly.Location).Select(ProblemCodes.Of).ToHashSet(StringComparer.Ordinal);
        using var translations = JsonDocument.Parse(File.ReadAllText(Path.Combine(Repository.Root, "web", "src", "i18n", language, "problems.json")));

        var codes = translations.RootElement.EnumerateObject().Select(p => p.Name["problem.code.".Length..]).ToList();

        Assert.True(codes.Count > 30, $"only {codes.Count} translated problems were found");
        var unknown = codes.Where(code => !sayable.Contains(code)).ToList();
        Assert.True(unknown.Count == 0, $"no server title gives these codes: {string.Join(", ", unknown)}");
    }

    /// <summary>Every string literal in an assembly (its user-string heap).</summary>
    private static List<string> Literals(string assemblyPath)
    {
        using var stream = File.OpenRead(assemblyPath);
        using var pe = new PEReader(stream);
        var metadata = pe.GetMetadataReader();
        var literals = new List<string>();
        for (var handle = MetadataTokens.UserStringHandle(1); !handle.IsNil; handle = metadata.GetNextHandle(handle))
        {
            literals.Add(metadata.GetUserString(handle));
        }
        return literals;
    }
}
