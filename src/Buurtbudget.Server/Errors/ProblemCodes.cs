using System.Text;
using Microsoft.AspNetCore.Mvc;

namespace Buurtbudget.Server.Errors;

/// <summary>
/// Every problem carries a <c>code</c> next to its English title and detail: the title in kebab case ("Wrong voting
/// code" → <c>wrong-voting-code</c>). The server speaks English; a front end in another language says a problem it
/// knows in its own words by this code and shows the server's words for the rest. Deriving the code from the title
/// keeps the two from drifting apart: a problem is named once, where it is made.
/// </summary>
internal static class ProblemCodes
{
    public const string Member = "code";

    public static void Add(ProblemDetails problem)
    {
        if (!problem.Extensions.ContainsKey(Member) && problem.Title is { Length: > 0 } title)
        {
            problem.Extensions[Member] = Of(title);
        }
    }

    public static string Of(string title)
    {
        var code = new StringBuilder(title.Length);
        foreach (char c in title)
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                code.Append(char.ToLowerInvariant(c));
            }
            else if (code.Length > 0 && code[^1] != '-')
            {
                code.Append('-');
            }
        }
        return code.ToString().TrimEnd('-');
    }
}
