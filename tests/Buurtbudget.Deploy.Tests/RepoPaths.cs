using Buurtbudget.Testing;

namespace Buurtbudget.Deploy.Tests;

/// <summary>The repository (the folder with Buurtbudget.sln) and the build outputs the tests start as processes.</summary>
internal static class RepoPaths
{
    public static string Root() => Repository.Root;

    /// <summary>A file under deploy/.</summary>
    public static string Deploy(string relative) => Path.Combine(Root(), "deploy", relative);

    public static string ServerDll() => BuildOutput("Buurtbudget.Server", "Buurtbudget.Server.dll");

    /// <summary>The <c>buurtbudget</c> command line.</summary>
    public static string CliDll() => BuildOutput("Buurtbudget.Cli", "buurtbudget.dll");

    /// <summary>A src project built in the same configuration as these tests (the project references build it first).</summary>
    private static string BuildOutput(string project, string dll)
    {
        // .../tests/Buurtbudget.Deploy.Tests/bin/{Configuration}/net10.0/
        var output = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        string configuration = output.Parent?.Name ?? "Release", framework = output.Name;
        var path = Path.Combine(Root(), "src", project, "bin", configuration, framework, dll);
        return File.Exists(path) ? path : throw new InvalidOperationException($"{path} is missing: build the solution first.");
    }
}
