import { type HttpClient, type HttpResponse } from './http';

/** The demo accounts' password in the end-to-end system (the API's default; see README, "Demo accounts"). */
export const DEMO_PASSWORD = process.env.E2E_DEMO_PASSWORD || 'cocreacion';

export function authHeader(token: string): Record<string, string> {
  return { authorization: `Bearer ${token}` };
}

/** One login per account and test file: the login route is rate limited, and bcrypt is slow on purpose. */
const tokens = new Map<string, Promise<string>>();

/**
 * Against the shared end-to-end system, one login per account for the whole run (the files run in one process):
 * the route allows ten a minute per account, and the files of a run together log in as `coordinador` more often.
 */
function sharedTokenKey(api: HttpClient, username: string): string | undefined {
  return api.baseUrl === process.env.E2E_API_URL ? `E2E_TOKEN_${username.replace(/\W/g, '_')}` : undefined;
}

/**
 * Jest gives each file its own copy of `process.env`, so the shared token does not always reach the next file: when
 * the files of a run have used up the account's logins of the minute, wait as the API asks (Retry-After), as any
 * client would, instead of failing a test that is not about the limit.
 */
async function login(api: HttpClient, username: string): Promise<string> {
  for (let attempt = 1; ; attempt += 1) {
    const response: HttpResponse = await api.post('/api/auth/token', { username, password: DEMO_PASSWORD });
    if (response.status === 200) return response.body.accessToken as string;
    if (response.status !== 429 || attempt === 3) {
      throw new Error(`Login as ${username} answered ${response.status}: ${JSON.stringify(response.body)}`);
    }
    const seconds = Number(response.body?.retryAfterSeconds ?? 60);
    await new Promise((resolve) => setTimeout(resolve, (seconds + 1) * 1000));
  }
}

export function tokenFor(api: HttpClient, username: string): Promise<string> {
  const sharedKey = sharedTokenKey(api, username);
  const shared = sharedKey === undefined ? undefined : process.env[sharedKey];
  if (shared) return Promise.resolve(shared);
  let token = tokens.get(username);
  if (!token) {
    token = login(api, username);
    tokens.set(username, token);
    token.then(
      (value) => {
        if (sharedKey !== undefined) process.env[sharedKey] = value;
      },
      () => tokens.delete(username),
    );
  }
  return token;
}

/** The same client, sending `username`'s bearer token (logging in on first use). */
export function authenticatedApi(api: HttpClient, username: string): HttpClient {
  const headers = async (extra?: Record<string, string>) => ({ ...authHeader(await tokenFor(api, username)), ...extra });
  const request: HttpClient['request'] = async (method, path, body, extra) => api.request(method, path, body, await headers(extra));
  return {
    baseUrl: api.baseUrl,
    get: (path, extra) => request('GET', path, undefined, extra),
    post: (path, body, extra) => request('POST', path, body, extra),
    put: (path, body, extra) => request('PUT', path, body, extra),
    delete: (path, extra) => request('DELETE', path, undefined, extra),
    request,
  };
}
