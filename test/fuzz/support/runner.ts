import fc from 'fast-check';
import { type FuzzRequest } from './arbitraries';
import { type Fingerprint, type StateFingerprint } from './fingerprint';
import { type Operation } from './openapi';
import { problemShapeViolations } from './problem';

/**
 * The fixed seed of the fuzz (issue 8, "Bad input"): the same requests on every run, so a failure is reproducible.
 * `FUZZ_SEED` explores others; `FUZZ_RUNS_FACTOR` multiplies the runs per operation (e.g. 10 for a long local hunt).
 */
export const FUZZ_SEED = Number(process.env.FUZZ_SEED ?? 20_260_808);
export const RUNS_FACTOR = Number(process.env.FUZZ_RUNS_FACTOR ?? 1);

export interface Exchange {
  readonly status: number;
  readonly body: unknown;
}

/** Sends one request exactly as written (no client-side normalisation beyond what `fetch` does to any URL). */
export async function send(apiUrl: string, request: FuzzRequest, headers: Record<string, string> = {}): Promise<Exchange> {
  const response = await fetch(`${apiUrl}${request.path}`, {
    method: request.method,
    redirect: 'manual',
    headers: { ...(request.contentType ? { 'content-type': request.contentType } : {}), ...headers, ...request.headers },
    body: request.method === 'GET' ? undefined : request.body,
    signal: AbortSignal.timeout(60_000),
  });
  const text = await response.text();
  let body: unknown = text;
  if ((response.headers.get('content-type') ?? '').includes('json') && text) {
    try {
      body = JSON.parse(text);
    } catch {
      body = text;
    }
  }
  return { status: response.status, body };
}

/** Texts of the request that the API may quote back in a message (decoded parameters, body keys and strings). */
export function echoedTexts(request: FuzzRequest): string[] {
  const decode = (text: string) => {
    try {
      return decodeURIComponent(text.replace(/\+/g, ' '));
    } catch {
      return text;
    }
  };
  const [path, query = ''] = request.path.split(/\?(.*)/s);
  const texts = [
    ...path.split('/').map(decode),
    ...query.split('&').flatMap((pair) => pair.split('=').map(decode)),
  ];
  const walk = (value: unknown, depth: number): void => {
    if (depth > 8 || texts.length > 500) return;
    if (typeof value === 'string') texts.push(value);
    else if (Array.isArray(value)) value.forEach((item) => walk(item, depth + 1));
    else if (value !== null && typeof value === 'object') {
      for (const [key, item] of Object.entries(value)) {
        texts.push(key);
        walk(item, depth + 1);
      }
    }
  };
  try {
    walk(JSON.parse(request.body ?? 'null'), 0);
  } catch {
    texts.push(request.body ?? '');
  }
  return texts.filter((text) => text.length < 5_000);
}

export interface Checks {
  /** Sent without valid credentials: a route that needs a token must answer 401. */
  readonly anonymous?: boolean;
}

/** What the properties forbid in one exchange: a 5xx, an error outside the problem shape, a refused request that changed state. */
export function violationsOf(operation: Operation, request: FuzzRequest, exchange: Exchange, before: Fingerprint, after: Fingerprint, checks: Checks = {}): string[] {
  const { status, body } = exchange;
  const violations: string[] = [];
  if (status >= 500 || status < 200) violations.push(`answered ${status}: ${JSON.stringify(body)?.slice(0, 300)}`);
  if (status >= 400 && status < 500) {
    violations.push(...problemShapeViolations(status, body, echoedTexts(request)));
    if (JSON.stringify(before) !== JSON.stringify(after)) {
      violations.push(`answered ${status} yet the state changed: ${JSON.stringify(before)} → ${JSON.stringify(after)}`);
    }
  }
  if (checks.anonymous && operation.secured && status !== 401) violations.push(`answered ${status} without valid credentials, not 401`);
  return violations;
}

const shorten = (text: string | undefined, length = 400) =>
  text === undefined ? '(none)' : text.length > length ? `${text.slice(0, length)}… (${text.length} characters)` : text;

export function describeRequest(request: FuzzRequest): string {
  const headers = request.headers && Object.keys(request.headers).length > 0 ? ` headers ${shorten(JSON.stringify(request.headers), 200)}` : '';
  return `${request.method} ${shorten(request.path, 300)} [${request.contentType ?? 'no content-type'}]${headers} body ${shorten(request.body)}`;
}

/** A command the API accepted: the workflows may still be acting on it (see StateFingerprint.settle). */
const accepted = (request: FuzzRequest, exchange: Exchange) => request.method !== 'GET' && exchange.status >= 200 && exchange.status < 300;

/** A stable number per operation and kind of fuzz, so each gets its own stream of requests from the one seed. */
function seedFor(label: string): number {
  let hash = FUZZ_SEED;
  for (const char of label) hash = (Math.imul(hash, 31) + char.charCodeAt(0)) | 0;
  return hash;
}

export interface FuzzRun {
  readonly kind: string;
  readonly operations: readonly Operation[];
  readonly runsPerOperation: number;
  readonly requests: (operation: Operation) => fc.Arbitrary<FuzzRequest>;
  readonly send: (request: FuzzRequest) => Promise<Exchange>;
  readonly fingerprint: StateFingerprint;
  readonly checks?: Checks;
}

export interface Sweep {
  readonly kind: string;
  readonly cases: readonly { readonly operation: Operation; readonly request: FuzzRequest }[];
  readonly send: (request: FuzzRequest) => Promise<Exchange>;
  readonly fingerprint: StateFingerprint;
}

export interface FuzzReport {
  readonly requests: number;
  readonly statuses: Record<number, number>;
  readonly failures: string[];
}

/**
 * Runs the properties on every operation with its own seeded stream; a failure is shrunk for at most 20 s (each step
 * is a real request). Returns every failure rather than stopping at the first, with the seed to replay it.
 */
export async function fuzz(run: FuzzRun): Promise<FuzzReport> {
  const statuses: Record<number, number> = {};
  const failures: string[] = [];
  let requests = 0;
  for (const operation of run.operations) {
    const seed = seedFor(`${run.kind} ${operation.label}`);
    const property = fc.asyncProperty(run.requests(operation), async (request) => {
      const before = await run.fingerprint.take();
      const exchange = await run.send(request);
      const after = await run.fingerprint.take();
      if (accepted(request, exchange)) await run.fingerprint.settle();
      requests += 1;
      statuses[exchange.status] = (statuses[exchange.status] ?? 0) + 1;
      const violations = violationsOf(operation, request, exchange, before, after, run.checks);
      if (violations.length > 0) throw new Error(violations.join('\n'));
    });
    const details = await fc.check(property, {
      seed,
      numRuns: Math.max(1, Math.round(run.runsPerOperation * RUNS_FACTOR)),
      plugins: [fc.interruptAfterTimeLimit(20_000 + 10_000 * RUNS_FACTOR)],
    });
    if (details.failed && details.counterexample) {
      const [request] = details.counterexample as [FuzzRequest];
      const error = details.errorInstance instanceof Error ? details.errorInstance.message : String(details.errorInstance);
      failures.push(
        `${run.kind} · ${operation.label} (seed ${seed}, path ${details.counterexamplePath}, ${details.numShrinks} shrinks)\n` +
          `  ${describeRequest(request)}\n  ${error.split('\n').join('\n  ')}`,
      );
    }
  }
  return { requests, statuses, failures };
}

/** The same properties over a fixed list of requests, each sent once (no generation, no shrinking). */
export async function sweep(run: Sweep): Promise<FuzzReport> {
  const statuses: Record<number, number> = {};
  const failures: string[] = [];
  for (const { operation, request } of run.cases) {
    const before = await run.fingerprint.take();
    const exchange = await run.send(request);
    const after = await run.fingerprint.take();
    if (accepted(request, exchange)) await run.fingerprint.settle();
    statuses[exchange.status] = (statuses[exchange.status] ?? 0) + 1;
    const violations = violationsOf(operation, request, exchange, before, after);
    if (violations.length > 0) failures.push(`${run.kind} · ${operation.label}\n  ${describeRequest(request)}\n  ${violations.join('\n  ')}`);
  }
  return { requests: run.cases.length, statuses, failures };
}
