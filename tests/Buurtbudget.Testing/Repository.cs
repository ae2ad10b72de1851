namespace Buurtbudget.Testing;

/// <summary>The repository: the folder with Buurtbudget.sln above a test assembly's build output.</summary>
public static class Repository
{
    public static string Root { get; } = FindRoot();

    private static string FindRoot()
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
}
