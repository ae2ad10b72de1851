using System.Text.Json.Serialization;

namespace Buurtbudget.Server.Hosting;

internal static class JsonExtensions
{
    /// <summary>Enums travel as their names ("Voting", not 1): the API is read by people as well as programs.</summary>
    public static void AddJson(this WebApplicationBuilder builder) =>
        builder.Services.ConfigureHttpJsonOptions(json => json.SerializerOptions.Converters.Add(new JsonStringEnumConverter(allowIntegerValues: false)));
}
