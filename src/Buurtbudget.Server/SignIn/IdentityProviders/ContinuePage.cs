using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Buurtbudget.Server.SignIn.IdentityProviders;

/// <summary>
/// The callback's answer after a successful sign-in: a tiny same-origin HTML page that moves on to the return URL
/// with a meta refresh, instead of a 302/303.
/// Why: the session cookie is SameSite=Strict, and the callback request is a cross-site navigation (it comes from the
/// provider's site). A redirect answering it stays part of that cross-site navigation, so the browser would not send
/// the brand-new Strict cookie with the redirected request and the person would land signed out. The meta refresh
/// is a new navigation started by a page of this site, so it is same-site and the cookie goes along.
/// Checked once by hand in headless Chromium 156, the provider on 127.0.0.1 and the app on localhost, the last hop
/// started from a provider page: with a 303 the return page arrived without the session cookie (signed out); with
/// this page it arrived with it (signed in).
/// The page runs no script (its CSP forbids everything), is not cached and sends no referrer (the callback URL held the code).
/// </summary>
internal static class ContinuePage
{
    public static ContentHttpResult For(HttpContext context, string returnUrl)
    {
        var headers = context.Response.Headers;
        headers.CacheControl = "no-store";
        headers.ContentSecurityPolicy = "default-src 'none'; frame-ancestors 'none'";
        headers["Referrer-Policy"] = "no-referrer";
        headers.XContentTypeOptions = "nosniff";
        var url = HtmlEncoder.Default.Encode(returnUrl); // already checked to be a local path; encoded for the attribute
        return TypedResults.Content($"""
            <!DOCTYPE html>
            <html lang="nl">
            <head><meta charset="utf-8"><meta http-equiv="refresh" content="0;url={url}"><title>Buurtbudget</title></head>
            <body><p>Je bent aangemeld. <a href="{url}">Verder</a></p><p lang="en">You are signed in. <a href="{url}">Continue</a></p></body>
            </html>
            """, "text/html; charset=utf-8");
    }
}
