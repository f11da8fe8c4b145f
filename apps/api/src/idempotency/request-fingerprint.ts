import { createHash } from 'node:crypto';

export interface FingerprintedRequest {
  readonly method: string;
  /** The route as declared (`/api/stls/:entidad/sessions`), not the path: the parameters are compared apart. */
  readonly route: string;
  readonly params: Readonly<Record<string, unknown>>;
  readonly query: unknown;
  readonly body: unknown;
}

/** JSON with the keys of every object sorted, so `{"a":1,"b":2}` and `{"b":2,"a":1}` name the same request. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map((item) => canonicalJson(item ?? null)).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const fields = Object.entries(value as Record<string, unknown>)
      .filter(([, field]) => field !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([name, field]) => `${JSON.stringify(name)}:${canonicalJson(field)}`);
    return `{${fields.join(',')}}`;
  }
  return JSON.stringify(value ?? null);
}

/** What a key is bound to: the same key with a different fingerprint is another request (422). */
export function requestFingerprint(request: FingerprintedRequest): string {
  const canonical = canonicalJson([request.method.toUpperCase(), request.route, request.params, request.query ?? {}, request.body ?? null]);
  return createHash('sha256').update(canonical).digest('hex');
}
