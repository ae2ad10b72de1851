using System.Text.Json.Serialization;

namespace Buurtbudget.Server.Hosting;

internal static class JsonExtensions
{
    /// <summary>
    /// Enums travel as their names ("Voting", not 1): the API is read by people as well as programs. Residents'
    /// text keeps '&lt;', '&gt;', '&amp;' and quotes escaped inside JSON strings, so a response is inert even in a
    /// context that ignores its content type.
    /// </summary>
    public static void AddJson(this WebApplicationBuilder builder) =>
        builder.Services.ConfigureHttpJsonOptions(json =>
        {
            json.SerializerOptions.Converters.Add(new JsonStringEnumConverter(allowIntegerValues: false));
            json.SerializerOptions.Encoder = System.Text.Encodings.Web.JavaScriptEncoder.Default;
        });
}
