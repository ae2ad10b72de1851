namespace Buurtbudget.Grains.Neighbourhoods;

/// <summary>
/// The one rule for ids of neighbourhoods, cycles and projects: 1 to 64 letters, digits, '-' or '_'. The grains
/// refuse anything else when it is created; the server refuses it in routes before a grain is ever activated.
/// </summary>
public static class BudgetIds
{
    public const int MaxLength = 64;

    public const string Rule = "1 to 64 characters: letters, digits, '-' or '_'";

    public static bool IsValid([System.Diagnostics.CodeAnalysis.NotNullWhen(true)] string? id) =>
        !string.IsNullOrEmpty(id) && id.Length <= MaxLength && id.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');
}
