using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace Buurtbudget.Server.SignIn.IdentityProviders;

/// <summary>
/// Redeems an authorization code at the provider's token endpoint (RFC 6749 4.1.3 with the RFC 7636 verifier),
/// server to server, so no token ever reaches the browser (ASVS 10.1.1). Only the ID token is kept; the access
/// token is dropped because this server calls no API on the person's behalf.
/// </summary>
internal sealed class TokenClient(IHttpClientFactory httpClients)
{
    public async Task<string> RedeemAsync(IdentityProvider idp, OpenIdConnectConfiguration metadata, string code, Correlation correlation, CancellationToken cancellationToken)
    {
        var form = new Dictionary<string, string>
        {
            ["grant_type"] = "authorization_code",
            ["code"] = code,
            ["redirect_uri"] = correlation.RedirectUri,
            ["code_verifier"] = correlation.CodeVerifier,
        };
        using var request = new HttpRequestMessage(HttpMethod.Post, metadata.TokenEndpoint);
        if (string.IsNullOrEmpty(idp.Options.ClientSecret))
        {
            form["client_id"] = idp.Options.ClientId; // a public client: PKCE is its only proof
        }
        else
        {
            // client_secret_basic: both parts form-urlencoded before base64 (RFC 6749 2.3.1).
            var credentials = $"{WebUtility.UrlEncode(idp.Options.ClientId)}:{WebUtility.UrlEncode(idp.Options.ClientSecret)}";
            request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(credentials)));
        }
        request.Content = new FormUrlEncodedContent(form);

        HttpResponseMessage response;
        JsonElement body;
        try
        {
            response = await httpClients.CreateClient(IdentityProviderRegistry.HttpClientName).SendAsync(request, cancellationToken);
            using (response)
            {
                body = JsonSerializer.Deserialize<JsonElement>(await response.Content.ReadAsStringAsync(cancellationToken));
            }
        }
        catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException or JsonException)
        {
            throw new SignInFailure(StatusCodes.Status503ServiceUnavailable, $"{idp.DisplayName} cannot be reached",
                $"{idp.DisplayName} did not answer the sign-in. Go back to the sign-in page and try again in a few minutes.",
                $"token endpoint failed ({exception.GetType().Name})");
        }

        if (!response.IsSuccessStatusCode || body.ValueKind != JsonValueKind.Object)
        {
            var error = Text(body, "error") ?? $"HTTP {(int)response.StatusCode}";
            // The provider's error code helps the person and the helpdesk; its free-text description goes to the log only.
            throw SignInFailure.StartAgain(StatusCodes.Status401Unauthorized, $"{idp.DisplayName} refused the sign-in",
                $"{idp.DisplayName} would not complete the sign-in ({error}).",
                $"token endpoint refused the code: {error} {Shorten(Text(body, "error_description"))}");
        }
        return Text(body, "id_token") is { Length: > 0 } idToken
            ? idToken
            : throw SignInFailure.StartAgain(StatusCodes.Status401Unauthorized, $"{idp.DisplayName} sent no identity",
                $"{idp.DisplayName} did not say who you are (no ID token; is 'openid' among the scopes?).", "token response without id_token");
    }

    private static string? Text(JsonElement body, string property) =>
        body.ValueKind == JsonValueKind.Object && body.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;

    private static string Shorten(string? text) => text is null ? "" : text.Length <= 200 ? text : text[..200];
}
