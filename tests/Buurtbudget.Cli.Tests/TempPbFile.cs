namespace Buurtbudget.Cli.Tests;

/// <summary>A .pb file written by a test into its own temporary folder, deleted afterwards.</summary>
internal sealed class TempPbFile : IDisposable
{
    private readonly string _folder;

    public TempPbFile(string text, string name = "election.pb")
    {
        _folder = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"buurtbudget-cli-{Guid.NewGuid():N}");
        Directory.CreateDirectory(_folder);
        Path = System.IO.Path.Combine(_folder, name);
        File.WriteAllText(Path, text);
    }

    public string Path { get; }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
