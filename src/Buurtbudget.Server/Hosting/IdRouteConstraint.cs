using Buurtbudget.Grains.Neighbourhoods;

namespace Buurtbudget.Server.Hosting;

/// <summary>
/// <c>{neighbourhoodId:id}</c>: a route only matches ids that follow <see cref="BudgetIds"/>, so a hostile or
/// malformed id gets a 404 from routing instead of activating a grain (and reading the ledger) for it.
/// </summary>
internal sealed class IdRouteConstraint : IRouteConstraint
{
    public const string Name = "id";

    public bool Match(HttpContext? httpContext, IRouter? route, string routeKey, RouteValueDictionary values, RouteDirection routeDirection) =>
        values.TryGetValue(routeKey, out var value) && BudgetIds.IsValid(Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture));

    public static void Register(WebApplicationBuilder builder) =>
        builder.Services.Configure<RouteOptions>(options => options.SetParameterPolicy<IdRouteConstraint>(Name));
}
