using Buurtbudget.Server.SignIn;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;

namespace Buurtbudget.Server.Residence;

/// <summary>A 403 for a resident endpoint says why (<see cref="ResidentRefusal"/>); everything else is answered as before.</summary>
internal sealed class ResidentRefusals : IAuthorizationMiddlewareResultHandler
{
    private readonly AuthorizationMiddlewareResultHandler _default = new();

    public Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult) =>
        authorizeResult.Forbidden && authorizeResult.AuthorizationFailure?.FailureReasons.OfType<ResidentRefusal>().FirstOrDefault() is { } refusal
            ? SignInExtensions.WriteProblem(context, StatusCodes.Status403Forbidden, refusal.Title, refusal.Message)
            : _default.HandleAsync(next, context, policy, authorizeResult);
}
