namespace Buurtbudget.Domain.Tests;

/// <summary>
/// Finds the real Pabulib files the tests read in place (they are never copied into the repository):
/// the folder named by <c>BUURTBUDGET_PABULIB_DIR</c>, else <c>../shared/pabulib</c> next to the repository
/// root (the directory holding <c>Buurtbudget.sln</c>). A missing folder is an error, never a reason to skip:
/// a suite that silently stops checking real data would look green while proving nothing.
/// </summary>
public static class PabulibData
{
    public const string DirectoryVariable = "BUURTBUDGET_PABULIB_DIR";

    private static readonly Lazy<string> s_directory = new(Locate);

    /// <summary>The folder with the .pb files.</summary>
    /// <exception cref="InvalidOperationException">The folder does not exist; the message says where it was looked for.</exception>
    public static string Directory => s_directory.Value;

    /// <summary>The full path of <paramref name="fileName"/> in <see cref="Directory"/>.</summary>
    /// <exception cref="FileNotFoundException">The folder has no such file.</exception>
    public static string PathOf(string fileName)
    {
        var path = Path.Combine(Directory, fileName);
        return File.Exists(path)
            ? path
            : throw new FileNotFoundException($"The Pabulib folder {Directory} has no file '{fileName}'.", path);
    }

    /// <summary>Every .pb file in <see cref="Directory"/>, sorted by name.</summary>
    public static IReadOnlyList<string> AllFiles()
    {
        var files = System.IO.Directory.GetFiles(Directory, "*.pb");
        Array.Sort(files, StringComparer.Ordinal);
        return files;
    }

    private static string Locate()
    {
        var configured = Environment.GetEnvironmentVariable(DirectoryVariable);
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return System.IO.Directory.Exists(configured)
                ? Path.GetFullPath(configured)
                : throw new InvalidOperationException(
                    $"{DirectoryVariable} is set to '{configured}', but that folder does not exist.");
        }

        var root = RepositoryRoot();
        var conventional = Path.GetFullPath(Path.Combine(root, "..", "shared", "pabulib"));
        return System.IO.Directory.Exists(conventional)
            ? conventional
            : throw new InvalidOperationException(
                $"The Pabulib data folder was not found at {conventional}. Put the .pb files there, or set "
                + $"{DirectoryVariable} to the folder that holds them.");
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Buurtbudget.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException(
            $"No Buurtbudget.sln above {AppContext.BaseDirectory}, so the Pabulib data folder cannot be found; "
            + $"set {DirectoryVariable} to the folder that holds the .pb files.");
    }
}
