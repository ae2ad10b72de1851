namespace Buurtbudget.Cli.Bench;

/// <summary>
/// Where <c>bench</c> finds the real Pabulib files: <c>--pabulib DIR</c>, else <c>BUURTBUDGET_PABULIB_DIR</c>,
/// else <c>../shared/pabulib</c> next to the repository (the folder holding <c>Buurtbudget.sln</c>, searched
/// upwards from the current folder and from the program). The same convention as the test suites, so
/// <c>dotnet run</c> from a checkout just works; the files are never copied into the repository.
/// </summary>
internal static class PabulibFolder
{
    public const string Variable = "BUURTBUDGET_PABULIB_DIR";

    /// <exception cref="UserErrorException">No folder was given and none was found, or the given one does not exist.</exception>
    public static string Locate(string? given)
    {
        if (!string.IsNullOrWhiteSpace(given))
        {
            return Directory.Exists(given)
                ? Path.GetFullPath(given)
                : throw new UserErrorException($"--pabulib {given}: no such folder", ExitCodes.Usage);
        }

        var configured = Environment.GetEnvironmentVariable(Variable);
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return Directory.Exists(configured)
                ? Path.GetFullPath(configured)
                : throw new UserErrorException($"{Variable}={configured}: no such folder", ExitCodes.Usage);
        }

        foreach (var start in new[] { Environment.CurrentDirectory, AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "Buurtbudget.sln")))
                {
                    var conventional = Path.GetFullPath(Path.Combine(dir.FullName, "..", "shared", "pabulib"));
                    if (Directory.Exists(conventional))
                    {
                        return conventional;
                    }

                    break;
                }
            }
        }

        throw new UserErrorException(
            $"no Pabulib folder found: pass --pabulib DIR or set {Variable} to the folder with the .pb files",
            ExitCodes.Usage);
    }

    /// <summary>The full path of <paramref name="fileName"/> in <paramref name="folder"/>.</summary>
    /// <exception cref="UserErrorException">The folder does not have it.</exception>
    public static string FileIn(string folder, string fileName)
    {
        var path = Path.Combine(folder, fileName);
        return File.Exists(path) ? path : throw new UserErrorException($"{folder}: has no {fileName}, which bench needs");
    }
}
