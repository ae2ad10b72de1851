// One way to talk to the server: JSON in and out, the CSRF header on every change, and every failure as an
// ApiProblem carrying the server's RFC 7807 problem details, so pages can show the server's own words.

const csrfHeader = { "X-Buurtbudget-Request": "1" };

/** An RFC 7807 problem from the server, or one made here when the server could not be reached. */
export class ApiProblem extends Error {
  constructor(
    readonly status: number,
    readonly title: string,
    readonly detail: string | null,
    /** Per-field messages, when the server named the fields (validation problems). */
    readonly errors: Record<string, string[]>,
    /** The problem's code (its title in kebab case), by which the front end says it in the reader's language. */
    readonly code: string | null = null,
  ) {
    super(detail ? `${title} ${detail}` : title);
  }

  /** The message for one field, matched case-insensitively (the server names fields in camelCase). */
  forField(name: string): string | null {
    const key = Object.keys(this.errors).find((k) => k.toLowerCase() === name.toLowerCase());
    return key ? this.errors[key].join(" ") : null;
  }
}

export interface RequestOptions {
  /** Sent as Idempotency-Key, so a retried ballot returns the same receipt instead of counting twice. */
  idempotencyKey?: string;
  /** A body that is not JSON (an address list as CSV). */
  contentType?: string;
  signal?: AbortSignal;
}

async function problemOf(response: Response): Promise<ApiProblem> {
  const type = response.headers.get("content-type") ?? "";
  if (type.includes("json")) {
    try {
      const body = await response.json();
      return new ApiProblem(response.status, body.title ?? response.statusText, body.detail ?? null, body.errors ?? {}, typeof body.code === "string" ? body.code : null);
    } catch {
      // fall through: a broken body is reported like any other failure below
    }
  }
  return new ApiProblem(response.status, response.statusText || `HTTP ${response.status}`, null, {});
}

async function send(method: string, path: string, body: unknown, options: RequestOptions): Promise<Response> {
  const headers: Record<string, string> = { Accept: "application/json, application/problem+json" };
  if (method !== "GET") Object.assign(headers, csrfHeader);
  if (options.idempotencyKey) headers["Idempotency-Key"] = options.idempotencyKey;
  let payload: BodyInit | undefined;
  if (body !== undefined) {
    headers["Content-Type"] = options.contentType ?? "application/json";
    payload = options.contentType ? (body as BodyInit) : JSON.stringify(body);
  }
  let response: Response;
  try {
    response = await fetch(path, { method, headers, body: payload, credentials: "same-origin", signal: options.signal });
  } catch (error) {
    if ((error as Error).name === "AbortError") throw error;
    throw new ApiProblem(0, "offline", null, {});
  }
  if (!response.ok) throw await problemOf(response);
  return response;
}

async function json<T>(method: string, path: string, body?: unknown, options: RequestOptions = {}): Promise<T> {
  const response = await send(method, path, body, options);
  if (response.status === 204 || response.headers.get("content-length") === "0") return undefined as T;
  return (await response.json()) as T;
}

/**
 * Sends a file as the request body and reports how much has gone (0 to 1). XMLHttpRequest, because fetch cannot
 * report upload progress; the headers and the problem handling are the same as for every other request.
 */
function upload<T>(path: string, file: Blob, onProgress: (fraction: number) => void): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const request = new XMLHttpRequest();
    request.open("POST", path);
    request.setRequestHeader("Accept", "application/json, application/problem+json");
    request.setRequestHeader("Content-Type", file.type || "application/octet-stream");
    for (const [name, value] of Object.entries(csrfHeader)) request.setRequestHeader(name, value);
    request.upload.onprogress = (event) => event.lengthComputable && onProgress(event.loaded / event.total);
    request.onerror = () => reject(new ApiProblem(0, "offline", null, {}));
    request.onload = () => {
      const response = new Response(request.status === 204 ? null : request.responseText, {
        status: request.status,
        statusText: request.statusText,
        headers: { "content-type": request.getResponseHeader("content-type") ?? "" },
      });
      if (response.ok) void response.json().then((body) => resolve(body as T), reject);
      else void problemOf(response).then(reject);
    };
    request.send(file);
  });
}

export const api = {
  upload,
  get: <T>(path: string, options?: RequestOptions) => json<T>("GET", path, undefined, options),
  post: <T>(path: string, body?: unknown, options?: RequestOptions) => json<T>("POST", path, body ?? {}, options),
  put: <T>(path: string, body?: unknown, options?: RequestOptions) => json<T>("PUT", path, body ?? {}, options),
  delete: <T>(path: string, options?: RequestOptions) => json<T>("DELETE", path, undefined, options),
  /** A request whose answer is a file (CSV): returns its text. */
  text: async (method: string, path: string, body?: unknown, options: RequestOptions = {}) => (await send(method, path, body, options)).text(),
};

/** Paths of the API, so no page builds a URL by hand. */
export const paths = {
  site: "/api/site",
  me: "/api/me",
  signOut: "/api/sign-out",
  identityProviders: "/api/identity-providers",
  identityProviderSignIn: (provider: string, returnUrl: string) => `/api/sign-in/${encodeURIComponent(provider)}?returnUrl=${encodeURIComponent(returnUrl)}`,
  neighbourhoods: "/api/neighbourhoods",
  neighbourhood: (n: string) => `/api/neighbourhoods/${encodeURIComponent(n)}`,
  codeSignIn: (n: string) => `/api/neighbourhoods/${encodeURIComponent(n)}/sign-in`,
  cycles: (n: string) => `/api/neighbourhoods/${encodeURIComponent(n)}/cycles`,
  cycle: (n: string, c: string) => `/api/neighbourhoods/${encodeURIComponent(n)}/cycles/${encodeURIComponent(c)}`,
  corporations: "/api/corporations",
  corporation: (id: string) => `/api/corporations/${encodeURIComponent(id)}`,
};

/** Everything under one cycle. */
export function cyclePaths(n: string, c: string) {
  const base = paths.cycle(n, c);
  const proposal = (p: string) => `${base}/proposals/${encodeURIComponent(p)}`;
  return {
    base,
    results: `${base}/results`,
    resultsCsv: `${base}/results.csv`,
    resultsPb: `${base}/results.pb`,
    ballots: `${base}/ballots`,
    myBallot: `${base}/ballots/mine`,
    publishedBallots: `${base}/published-ballots`,
    receipt: (position: number) => `${base}/receipts/${position}`,
    proposals: `${base}/proposals`,
    proposalRules: `${base}/proposal-rules`,
    eligibility: `${base}/eligibility`,
    schedule: `${base}/schedule`,
    proposal,
    comments: (p: string) => `${proposal(p)}/comments`,
    images: (p: string, alt: string) => `${proposal(p)}/images?${new URLSearchParams({ alt })}`,
    moderationLog: (p: string) => `${proposal(p)}/moderation-log`,
    rounds: `${base}/rounds`,
    administration: `${base}/administration`,
    openVoting: `${base}/open-voting`,
    closeVoting: `${base}/close-voting`,
    phase: `${base}/phase`,
    simulation: `${base}/simulation`,
    votingCodes: `${base}/voting-codes`,
    paperBallots: `${base}/paper-ballots`,
  };
}
