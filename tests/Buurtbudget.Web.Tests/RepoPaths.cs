using Buurtbudget.Testing;

namespace Buurtbudget.Web.Tests;

/// <summary>The repository's folders, found from this test assembly's build output.</summary>
internal static class RepoPaths
{
    public static string Root => Repository.Root;

    /// <summary>The server built in the same configuration as these tests.</summary>
    public static string ServerDll()
    {
        // .../tests/Buurtbudget.Web.Tests/bin/{Configuration}/net10.0/
        var output = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var dll = Path.Combine(Root, "src", "Buurtbudget.Server", "bin", output.Parent?.Name ?? "Release", output.Name, "Buurtbudget.Server.dll");
        return File.Exists(dll) ? dll : throw new InvalidOperationException($"{dll} is missing: build the solution first.");
    }

    /// <summary>The server's project folder: its content root, where the build put the front end (wwwroot).</summary>
    public static string ServerContentRoot()
    {
        var folder = Path.Combine(Root, "src", "Buurtbudget.Server");
        return File.Exists(Path.Combine(folder, "wwwroot", "index.html"))
            ? folder
            : throw new InvalidOperationException($"{folder}/wwwroot/index.html is missing: the build builds the front end (Node.js and npm needed).");
    }

    public static string NodeFolder(string name)
    {
        var folder = Path.Combine(Root, "tests", name);
        return Directory.Exists(Path.Combine(folder, "node_modules"))
            ? folder
            : throw new InvalidOperationException($"Run 'npm ci' in {folder} first (tests/run-all.sh does).");
    }
}
