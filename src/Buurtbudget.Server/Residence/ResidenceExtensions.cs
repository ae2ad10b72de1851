using Microsoft.AspNetCore.Authorization;

namespace Buurtbudget.Server.Residence;

internal static class ResidenceExtensions
{
    /// <summary>The resident policy: residents of the route's cycle, by its eligibility (<see cref="ResidentAccessHandler"/>).</summary>
    public static void AddResidence(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<ResidentCheck>();
        builder.Services.AddSingleton<IAuthorizationHandler, ResidentAccessHandler>();
        builder.Services.AddSingleton<IAuthorizationMiddlewareResultHandler, ResidentRefusals>();
        builder.Services.AddAuthorizationBuilder()
            .AddPolicy(SignIn.Residents.ResidentPolicy, policy => policy.RequireAuthenticatedUser().AddRequirements(new ResidentRequirement()));
    }
}
