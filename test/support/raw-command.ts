import { authHeader, tokenFor } from './auth';
import { httpClient } from './http';

/** An answer exactly as sent: its status and the bytes of its body, to compare a replay with the first answer. */
export interface RawAnswer {
  readonly status: number;
  readonly text: string;
  readonly json: Record<string, any>;
}

/** POSTs commands to the API at `baseUrl` as a demo account, with an Idempotency-Key when one is given. */
export function commandPoster(baseUrl: string) {
  const api = httpClient(baseUrl);
  return async (username: string, path: string, body: unknown, key?: string): Promise<RawAnswer> => {
    const response = await fetch(`${baseUrl}${path}`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...authHeader(await tokenFor(api, username)),
        ...(key === undefined ? {} : { 'idempotency-key': key }),
      },
      body: JSON.stringify(body),
    });
    const text = await response.text();
    return { status: response.status, text, json: JSON.parse(text) as Record<string, any> };
  };
}
