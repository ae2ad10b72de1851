using Buurtbudget.Domain.Pabulib;

namespace Buurtbudget.Cli.Files;

/// <summary>Reads a .pb file named on the command line and turns every way that can fail into one
/// <c>FILE: reason</c> message (with the line number for format errors).</summary>
internal static class PabulibInput
{
    /// <exception cref="UserErrorException">The file is missing, unreadable or not valid Pabulib.</exception>
    public static PabulibFile Read(string path)
    {
        if (Directory.Exists(path))
        {
            throw new UserErrorException($"{path}: is a folder, not a .pb file");
        }

        try
        {
            return PabulibReader.Read(path);
        }
        catch (PabulibFormatException e)
        {
            throw new UserErrorException($"{path}: {e.Message}");
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new UserErrorException($"{path}: no such file");
        }
        catch (UnauthorizedAccessException)
        {
            throw new UserErrorException($"{path}: permission denied");
        }
        catch (IOException e)
        {
            throw new UserErrorException($"{path}: cannot be read: {e.Message}");
        }
    }
}
