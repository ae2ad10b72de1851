using Buurtbudget.Server.Hosting;

namespace Buurtbudget.Server.Live;

internal static class LiveResultsExtensions
{
    public const string HubPath = "/hubs/live-results";

    public static void AddLiveResults(this WebApplicationBuilder builder)
    {
        // Enums by name, as in the HTTP API.
        builder.Services.AddSignalR().AddJsonProtocol(json =>
            json.PayloadSerializerOptions.Converters.Add(new System.Text.Json.Serialization.JsonStringEnumConverter(allowIntegerValues: false)));
        builder.Services.AddSingleton<LiveResultsPublisher>();
        builder.Services.AddHostedService(services => services.GetRequiredService<LiveResultsPublisher>());
        // Several nodes share one PostgreSQL ledger; with SQLite there is only this one.
        builder.Services.AddSingleton<PostgresOtherNodes>();
        builder.Services.AddHostedService(services => services.GetRequiredService<PostgresOtherNodes>());
        builder.Services.AddSingleton<IOtherNodes>(services => services.Buurtbudget().Postgres is null
            ? new NoOtherNodes()
            : services.GetRequiredService<PostgresOtherNodes>());
    }

    public static void MapLiveResults(this WebApplication app)
    {
        // ASVS 4.4.2: a WebSocket handshake from another site's page is refused before it reaches the hub.
        app.UseWhen(context => context.Request.Path.StartsWithSegments(HubPath), branch => branch.Use(async (context, next) =>
        {
            if (context.Request.Headers.Origin is [{ } origin]
                && !(Uri.TryCreate(origin, UriKind.Absolute, out var uri) && string.Equals(uri.Authority, context.Request.Host.Value, StringComparison.OrdinalIgnoreCase)))
            {
                context.Response.StatusCode = StatusCodes.Status403Forbidden;
                return;
            }
            await next(context);
        }));
        app.MapHub<LiveResultsHub>(HubPath).AllowAnonymous();
    }
}
