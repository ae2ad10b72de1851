// A real OpenID Provider (the certified npm package oidc-provider) for the sign-in tests, on loopback only.
// Two clients, code flow only, PKCE (S256) required for both: the app with a secret (client_secret_basic), and,
// when the last two arguments are given, the app as a public client (no secret; PKCE is its only proof).
//
// Usage: node oidc-provider.mjs REDIRECT-URI CLIENT-ID CLIENT-SECRET [PUBLIC-REDIRECT-URI PUBLIC-CLIENT-ID]
// Prints one JSON line {"issuer": "http://127.0.0.1:PORT"} when ready; stops when stdin closes or after 10 minutes.
//
// Logging a user in programmatically: the interaction page (/interaction/:uid) needs no form. It logs in the
// account set with the control endpoint and grants what the app asked for, so a test follows plain redirects.
//
// Control endpoint (tests only, same loopback server): POST /control with JSON, any of
//   { "account": "resident-1" }           who logs in at the next login prompt (claims: sub, name, email)
//   { "neighbourhoods": ["oost"] | null }  the claim "neighbourhoods" (scope "buurt") of whoever logs in from now on
//   { "deny": true }                       the next interactions end with error=access_denied
//   { "tamper": MODE | null }              how the token endpoint's ID token is changed on the way out:
//      "wrong-issuer" | "wrong-audience" | "extra-audience" | "expired" | "issued-in-the-future"
//                            re-signed with this provider's own key
//      "unknown-key"         re-signed with a key this provider never published (kid unknown to the JWKS)
//      "rotated"             key rotation: the JWKS now also lists a second key, and ID tokens are signed with it
//      "alg-none"            signature stripped, header alg none
//      "hs256-client-secret" signed with HMAC keyed by the client secret (the classic algorithm confusion)
//      "replay"              the ID token of the previous successful token response instead of the fresh one
//      "drop-code-verifier"  the token request's code_verifier is removed before the provider sees it
// GET /control answers {"tokenRequests": N, "jwksRequests": N}.
import http from "node:http";
import { randomUUID, randomBytes } from "node:crypto";
import Provider from "oidc-provider";
import { generateKeyPair, exportJWK, SignJWT } from "jose";

const [redirectUri, clientId, clientSecret, publicRedirectUri, publicClientId] = process.argv.slice(2);
if (!redirectUri || !clientId || !clientSecret) {
  console.error("usage: node oidc-provider.mjs REDIRECT-URI CLIENT-ID CLIENT-SECRET");
  process.exit(2);
}

// The signing key is made here, fresh per run; the tamper step signs with the same private key, so a tampered
// token carries a valid signature from this provider and only the claim checks can catch it.
const kid = randomUUID();
const { privateKey, publicKey } = await generateKeyPair("RS256", { extractable: true });
const signingJwk = { ...(await exportJWK(privateKey)), kid, alg: "RS256", use: "sig" };

const stranger = await generateKeyPair("RS256");
const rotatedKid = randomUUID();
const rotated = await generateKeyPair("RS256");
const publicJwk = async (key, keyId) => ({ ...(await exportJWK(key)), kid: keyId, alg: "RS256", use: "sig" });
const rotatedJwks = { keys: [await publicJwk(publicKey, kid), await publicJwk(rotated.publicKey, rotatedKid)] };
const accounts = (id) => ({
  sub: id, name: `Resident ${id}`, email: `${id}@example.org`, email_verified: true,
  ...(control.neighbourhoods ? { neighbourhoods: control.neighbourhoods } : {}),
});
const control = { account: "resident-1", neighbourhoods: null, deny: false, tamper: null, tokenRequests: 0, jwksRequests: 0, lastIdToken: null };

const server = http.createServer();
await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
const issuer = `http://127.0.0.1:${server.address().port}`;

const provider = new Provider(issuer, {
  clients: [{
    client_id: clientId,
    client_secret: clientSecret,
    redirect_uris: [redirectUri],
    grant_types: ["authorization_code"],
    response_types: ["code"],
    token_endpoint_auth_method: "client_secret_basic",
  }].concat(publicClientId ? [{
    client_id: publicClientId,
    redirect_uris: [publicRedirectUri],
    grant_types: ["authorization_code"],
    response_types: ["code"],
    token_endpoint_auth_method: "none",
  }] : []),
  jwks: { keys: [signingJwk] },
  pkce: { required: () => true },
  features: { devInteractions: { enabled: false } },
  interactions: { url: (ctx, interaction) => `/interaction/${interaction.uid}` },
  findAccount: (ctx, id) => ({ accountId: id, claims: () => accounts(id) }),
  // "buurt": where a tenant lives, as a corporation's provider may say it (a list of neighbourhood ids).
  claims: { openid: ["sub"], profile: ["name"], email: ["email", "email_verified"], buurt: ["neighbourhoods"] },
  // Put name and email in the ID token itself (the app reads no userinfo).
  conformIdTokenClaims: false,
  cookies: { keys: [randomBytes(32).toString("hex")] },
});
provider.on("server_error", (ctx, error) => console.error("server_error", error));

const b64 = (value) => Buffer.from(JSON.stringify(value)).toString("base64url");
const claimsOf = (jwt) => JSON.parse(Buffer.from(jwt.split(".")[1], "base64url").toString());
const resign = (claims) => new SignJWT(claims).setProtectedHeader({ alg: "RS256", kid, typ: "JWT" }).sign(privateKey);

async function tampered(idToken) {
  const claims = claimsOf(idToken);
  const now = Math.floor(Date.now() / 1000);
  switch (control.tamper) {
    case "wrong-issuer": return resign({ ...claims, iss: "http://127.0.0.1:9/another-provider" });
    case "wrong-audience": return resign({ ...claims, aud: "another-client", azp: undefined });
    case "extra-audience": { const { azp, ...rest } = claims; return resign({ ...rest, aud: [clientId, "another-client"] }); }
    case "expired": return resign({ ...claims, iat: now - 7200, exp: now - 3600 });
    case "issued-in-the-future": return resign({ ...claims, iat: now + 3600, exp: now + 7200 });
    case "rotated":
      return new SignJWT(claims).setProtectedHeader({ alg: "RS256", kid: rotatedKid, typ: "JWT" }).sign(rotated.privateKey);
    case "unknown-key":
      return new SignJWT(claims).setProtectedHeader({ alg: "RS256", kid: randomUUID(), typ: "JWT" }).sign(stranger.privateKey);
    case "alg-none": return `${b64({ alg: "none", typ: "JWT" })}.${b64(claims)}.`;
    case "hs256-client-secret":
      return new SignJWT(claims).setProtectedHeader({ alg: "HS256", typ: "JWT" }).sign(new TextEncoder().encode(clientSecret));
    case "replay": return control.lastIdToken ?? idToken;
    default: return idToken;
  }
}

// The tamper step: around the token endpoint only (and a count of JWKS downloads).
provider.use(async (ctx, next) => {
  const isToken = ctx.method === "POST" && ctx.path === "/token";
  if (ctx.method === "GET" && ctx.path === "/jwks") {
    control.jwksRequests += 1;
    if (control.tamper === "rotated") {
      ctx.type = "application/jwk-set+json";
      ctx.body = rotatedJwks;
      return;
    }
  }
  if (isToken) {
    control.tokenRequests += 1;
    if (control.tamper === "drop-code-verifier") {
      const chunks = [];
      for await (const chunk of ctx.req) chunks.push(chunk);
      const form = new URLSearchParams(Buffer.concat(chunks).toString());
      form.delete("code_verifier");
      ctx.req.body = Object.fromEntries(form); // oidc-provider reads an already-parsed body from req.body
    }
  }
  await next();
  if (isToken && ctx.status === 200 && ctx.body && typeof ctx.body.id_token === "string") {
    const fresh = ctx.body.id_token;
    ctx.body.id_token = await tampered(fresh);
    control.lastIdToken = fresh;
  }
});

async function interaction(req, res) {
  const details = await provider.interactionDetails(req, res);
  if (control.deny) {
    await provider.interactionFinished(req, res, { error: "access_denied", error_description: "The resident said no." }, { mergeWithLastSubmission: false });
    return;
  }
  if (details.prompt.name === "login") {
    await provider.interactionFinished(req, res, { login: { accountId: control.account } }, { mergeWithLastSubmission: false });
    return;
  }
  // Consent: grant exactly what is missing (the scopes and claims the app asked for).
  const { missingOIDCScope, missingOIDCClaims, missingResourceScopes } = details.prompt.details;
  const grant = details.grantId
    ? await provider.Grant.find(details.grantId)
    : new provider.Grant({ accountId: details.session.accountId, clientId: details.params.client_id });
  if (missingOIDCScope) grant.addOIDCScope(missingOIDCScope.join(" "));
  if (missingOIDCClaims) grant.addOIDCClaims(missingOIDCClaims);
  for (const [indicator, scopes] of Object.entries(missingResourceScopes ?? {})) grant.addResourceScope(indicator, scopes.join(" "));
  await provider.interactionFinished(req, res, { consent: { grantId: await grant.save() } }, { mergeWithLastSubmission: true });
}

async function controlEndpoint(req, res) {
  if (req.method === "POST") {
    const chunks = [];
    for await (const chunk of req) chunks.push(chunk);
    const change = JSON.parse(Buffer.concat(chunks).toString() || "{}");
    for (const key of ["account", "neighbourhoods", "deny", "tamper"]) if (key in change) control[key] = change[key];
    res.writeHead(204).end();
    return;
  }
  res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({ tokenRequests: control.tokenRequests, jwksRequests: control.jwksRequests }));
}

const callback = provider.callback();
server.on("request", async (req, res) => {
  try {
    const path = new URL(req.url, issuer).pathname;
    if (path === "/control") return await controlEndpoint(req, res);
    if (path.startsWith("/interaction/")) return await interaction(req, res);
    return callback(req, res);
  } catch (error) {
    console.error(error);
    if (!res.headersSent) res.writeHead(500).end(String(error));
  }
});

console.log(JSON.stringify({ issuer }));
const stop = () => server.close(() => process.exit(0));
process.stdin.on("end", stop);
process.stdin.resume();
setTimeout(() => process.exit(0), 600_000).unref();
