namespace Buurtbudget.Server.SignIn.IdentityProviders;

/// <summary>
/// A sign-in that must stop: becomes an RFC 7807 problem with <see cref="Title"/> and <see cref="Exception.Message"/>
/// (for the person) and a log line with <see cref="Reason"/> (for the operator; never a token or a code).
/// </summary>
internal sealed class SignInFailure(int status, string title, string detail, string reason) : Exception(detail)
{
    public int Status { get; } = status;

    public string Title { get; } = title;

    public string Reason { get; } = reason;

    /// <summary>Start again: the usual advice, because every step of the flow is single use.</summary>
    public static SignInFailure StartAgain(int status, string title, string why, string reason) =>
        new(status, title, $"{why} Go back to the sign-in page and start again.", reason);
}
