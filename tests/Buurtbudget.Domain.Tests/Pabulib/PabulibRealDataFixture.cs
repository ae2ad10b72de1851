using Buurtbudget.Domain.Pabulib;

namespace Buurtbudget.Domain.Tests.Pabulib;

/// <summary>Reads every real Pabulib file once, in parallel, for all tests of <see cref="PabulibRealDataTests"/>.
/// A missing folder makes the fixture, and with it every one of those tests, fail with the locator's message.</summary>
public sealed class PabulibRealDataFixture
{
    public PabulibRealDataFixture()
    {
        var paths = PabulibData.AllFiles();
        if (paths.Count == 0)
        {
            throw new InvalidOperationException($"The Pabulib folder {PabulibData.Directory} holds no .pb files.");
        }

        var clock = System.Diagnostics.Stopwatch.StartNew();
        Files = [.. paths.AsParallel().AsOrdered().Select(Load)];
        ReadTime = clock.Elapsed;
    }

    /// <summary>How long reading all files took, for the test output.</summary>
    public TimeSpan ReadTime { get; }

    public IReadOnlyList<RealPabulibFile> Files { get; }

    /// <summary>The files that were read; the ones that could not be read are reported by the reading test.</summary>
    public IEnumerable<RealPabulibFile> ReadFiles => Files.Where(f => f.File is not null);

    private static RealPabulibFile Load(string path)
    {
        try
        {
            return new RealPabulibFile(Path.GetFileName(path), PabulibReader.Read(path), null);
        }
        catch (PabulibFormatException e)
        {
            return new RealPabulibFile(Path.GetFileName(path), null, e);
        }
    }
}

public sealed record RealPabulibFile(string Name, PabulibFile? File, PabulibFormatException? Error);
