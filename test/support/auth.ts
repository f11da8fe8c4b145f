import { type HttpClient, type HttpResponse } from './http';

/** The demo accounts' password in the end-to-end system (the API's default; see README, "Demo accounts"). */
export const DEMO_PASSWORD = process.env.E2E_DEMO_PASSWORD || 'cocreacion';

export function authHeader(token: string): Record<string, string> {
  return { authorization: `Bearer ${token}` };
}

/** One login per account and test file: the login route is rate limited, and bcrypt is slow on purpose. */
const tokens = new Map<string, Promise<string>>();

async function login(api: HttpClient, username: string): Promise<string> {
  const response: HttpResponse = await api.post('/api/auth/token', { username, password: DEMO_PASSWORD });
  if (response.status !== 200) {
    throw new Error(`Login as ${username} answered ${response.status}: ${JSON.stringify(response.body)}`);
  }
  return response.body.accessToken as string;
}

export function tokenFor(api: HttpClient, username: string): Promise<string> {
  let token = tokens.get(username);
  if (!token) {
    token = login(api, username);
    tokens.set(username, token);
    token.catch(() => tokens.delete(username));
  }
  return token;
}

/** The same client, sending `username`'s bearer token (logging in on first use). */
export function authenticatedApi(api: HttpClient, username: string): HttpClient {
  const headers = async (extra?: Record<string, string>) => ({ ...authHeader(await tokenFor(api, username)), ...extra });
  const request: HttpClient['request'] = async (method, path, body, extra) => api.request(method, path, body, await headers(extra));
  return {
    get: (path, extra) => request('GET', path, undefined, extra),
    post: (path, body, extra) => request('POST', path, body, extra),
    put: (path, body, extra) => request('PUT', path, body, extra),
    delete: (path, extra) => request('DELETE', path, undefined, extra),
    request,
  };
}
