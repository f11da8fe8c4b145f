/**
 * A rule of the method said no. Plain data (not an Error subclass) so it crosses Temporal and HTTP
 * boundaries unchanged: `code` is stable for clients, `message` is Spanish for people.
 * `conflict`: the request is well formed but clashes with the current state (HTTP 409);
 * `invalid`: the request breaks a rule whatever the state (HTTP 422).
 */
export interface DomainError {
  readonly kind: 'DomainError';
  readonly category: 'conflict' | 'invalid';
  readonly code: string;
  readonly message: string;
  readonly details?: Readonly<Record<string, unknown>>;
}

export function domainError(
  category: DomainError['category'],
  code: string,
  message: string,
  details?: Record<string, unknown>,
): DomainError {
  return details === undefined
    ? { kind: 'DomainError', category, code, message }
    : { kind: 'DomainError', category, code, message, details };
}

export function isDomainError(value: unknown): value is DomainError {
  return typeof value === 'object' && value !== null && (value as { kind?: unknown }).kind === 'DomainError';
}
