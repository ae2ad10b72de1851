namespace Buurtbudget.LoadBench;

/// <summary>Finds the repository (the folder with Buurtbudget.sln) from this tool's build output.</summary>
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

    /// <summary>The server built in the same configuration as this tool (the project reference builds it first).</summary>
    public static string ServerDll()
    {
        // .../tests/Buurtbudget.LoadBench/bin/{Configuration}/net10.0/
        var output = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        string configuration = output.Parent?.Name ?? "Release", framework = output.Name;
        var dll = Path.Combine(Root(), "src", "Buurtbudget.Server", "bin", configuration, framework, "Buurtbudget.Server.dll");
        return File.Exists(dll) ? dll : throw new InvalidOperationException($"{dll} is missing: build the solution first.");
    }

    public static string NodeFolder()
    {
        var folder = Path.Combine(Root(), "tests", "node");
        return Directory.Exists(Path.Combine(folder, "node_modules", "@microsoft", "signalr"))
            ? folder
            : throw new InvalidOperationException($"Run 'npm ci' in {folder} first (run.sh does).");
    }
}
