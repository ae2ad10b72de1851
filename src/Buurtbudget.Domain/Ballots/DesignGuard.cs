using System.Globalization;

namespace Buurtbudget.Domain.Ballots;

/// <summary>Construction checks shared by the designs, so an impossible design fails when it is configured,
/// not when the first resident tries to vote.</summary>
internal static class DesignGuard
{
    public static void ProjectRange(int min, int? max, string minName, string maxName)
    {
        if (min < 1)
        {
            throw new ArgumentOutOfRangeException(minName, min,
                "A ballot must ask for at least 1 project: an empty ballot is not a vote.");
        }

        if (max < min)
        {
            throw new ArgumentException(
                string.Create(CultureInfo.InvariantCulture, $"{maxName} ({max}) is below {minName} ({min}): no ballot could satisfy this design."),
                maxName);
        }
    }
}
