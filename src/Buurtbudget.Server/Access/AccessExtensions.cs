using Buurtbudget.Domain.Access;
using Microsoft.AspNetCore.Authorization;

namespace Buurtbudget.Server.Access;

internal static class AccessExtensions
{
    public static void AddAccess(this WebApplicationBuilder builder) =>
        builder.Services.AddSingleton<IAuthorizationHandler, StaffAccessHandler>();

    /// <summary>Only staff whose grants give <paramref name="action"/> in the route's corporation or neighbourhood.</summary>
    public static TBuilder RequireStaff<TBuilder>(this TBuilder endpoints, StaffAction action) where TBuilder : IEndpointConventionBuilder =>
        endpoints.RequireAuthorization(new AuthorizationPolicyBuilder().AddRequirements(new StaffRequirement(action)).Build())
            .WithMetadata(new StaffRequirement(action));

    public static TBuilder RequirePlatformOperator<TBuilder>(this TBuilder endpoints) where TBuilder : IEndpointConventionBuilder =>
        endpoints.RequireAuthorization(new AuthorizationPolicyBuilder().AddRequirements(new PlatformOperatorRequirement()).Build());
}
