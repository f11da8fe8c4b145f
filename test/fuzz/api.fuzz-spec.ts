import { randomUUID } from 'node:crypto';
import { JwtService } from '@nestjs/jwt';
import { accessTokenOptions } from '../../apps/api/src/auth/access-token-options';
import {
  anonymousRequest,
  arbitraryBodyRequest,
  hostileTextRequests,
  type FuzzRequest,
  nearValidRequest,
  nullAndMissingFieldRequests,
  parameterRequest,
  type Targets,
} from './support/arbitraries';
import { StateFingerprint } from './support/fingerprint';
import { liveOperations, type Operation } from './support/openapi';
import { FUZZ_SEED, fuzz, type FuzzReport, send, sweep } from './support/runner';
import { findTargets, fuzzApiUrl, loginAs } from './support/session';

/**
 * Property-based fuzz (fast-check) of every operation of the live OpenAPI document, on the whole running system:
 *
 * - (a) any JSON body (random objects, wrong types, deep nesting, huge strings, unknown fields, nulls, not JSON);
 * - (b) the document's example with one field broken (and, without randomness, each field set to null or left out);
 * - (c) any path parameters and query string (%-escapes, invalid UTF-8, unicode, very long values);
 * - anonymous and garbage credentials.
 *
 * For every request: never a 5xx; every 4xx in the problem shape `{ statusCode, code, message }` with a Spanish message
 * and no stack trace; and a request answered 4xx changed nothing (see support/fingerprint.ts for what is compared
 * and why background events are left out). Fixed seed, bounded runs: about 650 requests, 10 to 25 s.
 */

const RUNS = { arbitraryBody: 4, nearValid: 5, parameters: 4, anonymous: 2 };

/** Tokens an attacker could bring: another key, no signature, expired, or signed right for no account. */
function forgedTokens(): string[] {
  const claims = { sub: randomUUID(), username: 'coordinador', role: 'coordinador', entidades: [] };
  const forge = (secret: string, payload: object, expiresIn: number) =>
    new JwtService(accessTokenOptions({ jwtSecret: secret, jwtTtlSeconds: 3_600 })).sign({ ...payload }, { expiresIn });
  const base64url = (json: object) => Buffer.from(JSON.stringify(json)).toString('base64url');
  const secret = process.env.E2E_JWT_SECRET ?? 'sin-clave';
  return [
    forge('otra-clave-que-no-es-la-del-servidor-0123456789', claims, 3_600),
    `${base64url({ alg: 'none', typ: 'JWT' })}.${base64url(claims)}.`,
    forge(secret, claims, -60),
    forge(secret, claims, 3_600),
    forge(secret, { ...claims, sub: 'coordinador' }, 3_600),
    forge(secret, { ...claims, sub: "' OR 1=1 --" }, 3_600),
    forge(secret, { ...claims, sub: 42 }, 3_600),
  ];
}

describe('fuzz of every operation in /api/docs-json (fast-check)', () => {
  const apiUrl = fuzzApiUrl();
  const fingerprint = new StateFingerprint();
  let operations: Operation[];
  let targets: Targets;
  let token: string;

  const asCoordinador = (request: FuzzRequest) => send(apiUrl, request, { authorization: `Bearer ${token}` });
  const anonymously = (request: FuzzRequest) => send(apiUrl, request);
  const summary = (kind: string, report: FuzzReport) =>
    `${kind}: ${report.requests} requests (seed ${FUZZ_SEED}), statuses ${JSON.stringify(report.statuses)}`;

  beforeAll(async () => {
    await fingerprint.connect();
    operations = await liveOperations(apiUrl);
    token = await loginAs(apiUrl, 'coordinador');
    targets = await findTargets(apiUrl, token);
    // What another file's accepted commands set going (schemathesis may have run first) lands before measuring.
    await fingerprint.settle();
  });

  afterAll(() => fingerprint.end());

  it('takes its operations from the live document', () => {
    const labels = operations.map((operation) => operation.label);

    expect(labels).toEqual(expect.arrayContaining(['POST /api/exercises', 'POST /api/stls/{entidad}/sessions', 'GET /api/calendar/notice-deadline']));
    expect(operations.filter((operation) => operation.body).length).toBeGreaterThan(20);
  });

  it('sees in its fingerprint what an accepted command stores (so an unchanged one means something)', async () => {
    const before = await fingerprint.take();
    const response = await asCoordinador({
      method: 'PUT',
      path: `/api/stls/${targets.entidad}/non-working-days`,
      body: JSON.stringify({ dates: ['2031-12-26'] }),
      contentType: 'application/json',
    });
    await fingerprint.settle();

    expect(response.status).toBe(200);
    expect(await fingerprint.take()).not.toEqual(before);
  });

  it('(a) arbitrary bodies: no 5xx, problem-shaped 4xx, nothing stored on a 4xx', async () => {
    const report = await fuzz({
      kind: 'arbitrary body',
      operations: operations.filter((operation) => operation.method !== 'GET'),
      runsPerOperation: RUNS.arbitraryBody,
      requests: (operation) => arbitraryBodyRequest(operation, targets),
      send: asCoordinador,
      fingerprint,
    });

    console.log(summary('(a) arbitrary bodies', report));
    expect(report.failures).toEqual([]);
  });

  it('(b) near-valid bodies (one field of the example broken): no 5xx, problem-shaped 4xx, nothing stored on a 4xx', async () => {
    const report = await fuzz({
      kind: 'near-valid body',
      operations: operations.filter((operation) => operation.body),
      runsPerOperation: RUNS.nearValid,
      requests: (operation) => nearValidRequest(operation, targets),
      send: asCoordinador,
      fingerprint,
    });

    console.log(summary('(b) near-valid bodies', report));
    expect(report.failures).toEqual([]);
  });

  it('(b) each field of each example set to null or left out: no 5xx, problem-shaped 4xx, nothing stored on a 4xx', async () => {
    const report = await sweep({
      kind: 'null or missing field',
      cases: operations.flatMap((operation) => nullAndMissingFieldRequests(operation, targets).map((request) => ({ operation, request }))),
      send: asCoordinador,
      fingerprint,
    });

    console.log(summary('(b) null and missing fields', report));
    expect(report.failures).toEqual([]);
  });

  it('(c) arbitrary path parameters and query strings: no 5xx, problem-shaped 4xx, nothing stored on a 4xx', async () => {
    const report = await fuzz({
      kind: 'parameters',
      operations,
      runsPerOperation: RUNS.parameters,
      requests: (operation) => parameterRequest(operation, targets),
      send: asCoordinador,
      fingerprint,
    });

    console.log(summary('(c) path parameters and query strings', report));
    expect(report.failures).toEqual([]);
  });

  it('no token, garbage or forged tokens: 401 on every protected route, never a 5xx, nothing stored', async () => {
    const tokens = forgedTokens();
    const report = await fuzz({
      kind: 'anonymous',
      operations,
      runsPerOperation: RUNS.anonymous,
      requests: (operation) => anonymousRequest(operation, targets, tokens),
      send: anonymously,
      fingerprint,
      checks: { anonymous: true },
    });

    console.log(summary('anonymous and garbage credentials', report));
    expect(report.failures).toEqual([]);
  });

  it('(d) hostile text in every text field: refused or stored whole, and the workflow answers a valid command within 2 s after', async () => {
    const slowAnswers: string[] = [];
    const thenProbe = async (request: FuzzRequest) => {
      const exchange = await asCoordinador(request);
      const probe = probeOf(request.path, targets);
      const started = Date.now();
      const answer = await asCoordinador(probe);
      const elapsed = Date.now() - started;
      if (answer.status >= 500 || elapsed > 2_000) {
        slowAnswers.push(`${describeProbe(probe)} after ${request.method} ${request.path}: ${answer.status} in ${elapsed} ms`);
      }
      return exchange;
    };
    const report = await sweep({
      kind: 'hostile text',
      cases: operations.flatMap((operation) => hostileTextRequests(operation, targets).map((request) => ({ operation, request }))),
      send: thenProbe,
      fingerprint,
    });

    console.log(summary('(d) hostile text in every text field', report));
    expect(report.failures).toEqual([]);
    expect(slowAnswers).toEqual([]);
  });
});

/**
 * A command the rules refuse on the workflow the request aimed at (nothing stored, so the fingerprint holds): a stage
 * of the exercise already completed long ago, or a convocation of the STL in the past.
 */
function probeOf(path: string, targets: Targets): FuzzRequest {
  if (path.startsWith('/api/exercises/')) {
    return { method: 'POST', path: `/api/exercises/${targets.exerciseId}/stages/1/complete`, body: JSON.stringify({ completedOn: '2015-01-05' }), contentType: 'application/json' };
  }
  const convocation = { date: '2015-01-05', kind: 'ordinaria', convokedOn: '2015-01-05', agenda: ['Lista de asistencia y declaración de quórum'] };
  return { method: 'POST', path: `/api/stls/${targets.entidad}/sessions`, body: JSON.stringify(convocation), contentType: 'application/json' };
}

const describeProbe = (probe: FuzzRequest) => `${probe.method} ${probe.path}`;
