namespace Buurtbudget.Deploy.Tests;

/// <summary>The repository (the folder with Buurtbudget.sln) and the build outputs the tests start as processes.</summary>
internal static class RepoPaths
{
    public static string Root()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Buurtbudget.sln")))
            {
                return dir.FullName;
            }
        }
        throw new InvalidOperationException("Buurtbudget.sln not found above " + AppContext.BaseDirectory);
    }

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
