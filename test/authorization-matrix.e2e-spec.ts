import { entidadName, type Entidad } from '@app/domain';
import { authenticatedApi } from './support/auth';
import { daysFromToday } from './support/dates';
import { e2eApi, type HttpClient } from './support/http';

/**
 * Who may do what, in which state, through HTTP on the real system. Adding an endpoint is adding a row to ENDPOINTS
 * (the last test fails until every mutating route of the OpenAPI document has one).
 */

type Access = 'read' | 'command';
type Relation = 'own' | 'foreign';

/** Tlaxcala is the garante's, facilitador's and integrante's own state and one the enlace follows; Baja California is none of theirs. */
const STATE: Record<Relation, Entidad> = { own: '29', foreign: '02' };

interface Endpoint {
  /** As in the OpenAPI document: `POST /api/exercises/{id}/stages/{stage}/complete`. */
  readonly route: string;
  readonly access: Access;
  /** A well-formed request about `entidad` (403 must come from the state, never from a malformed body). */
  readonly request: (entidad: Entidad) => { readonly method: string; readonly path: string; readonly body?: unknown };
}

const ENDPOINTS: readonly Endpoint[] = [
  {
    route: 'POST /api/exercises',
    access: 'command',
    request: (entidad) => ({ method: 'POST', path: '/api/exercises', body: { entidad, startedOn: daysFromToday(-30) } }),
  },
  {
    route: 'POST /api/exercises/{id}/stages/{stage}/complete',
    access: 'command',
    request: (entidad) => ({
      method: 'POST',
      path: `/api/exercises/${entidad}-1/stages/1/complete`,
      body: { completedOn: daysFromToday(-10) },
    }),
  },
  {
    route: 'GET /api/exercises/{id}',
    access: 'read',
    request: (entidad) => ({ method: 'GET', path: `/api/exercises/${entidad}-1` }),
  },
  {
    route: 'GET /api/exercises',
    access: 'read',
    request: (entidad) => ({ method: 'GET', path: `/api/exercises?entidad=${entidad}` }),
  },
];

/** What each role may do in its own state and in a foreign one (DESIGN.md, "HTTP surface"). */
const ACCOUNTS: readonly { readonly username: string; readonly may: Record<Access, Record<Relation, boolean>> }[] = [
  { username: 'coordinador', may: { read: { own: true, foreign: true }, command: { own: true, foreign: true } } },
  { username: 'enlace', may: { read: { own: true, foreign: false }, command: { own: true, foreign: false } } },
  { username: 'garante-29', may: { read: { own: true, foreign: false }, command: { own: true, foreign: false } } },
  { username: 'facilitador-29', may: { read: { own: true, foreign: false }, command: { own: true, foreign: false } } },
  { username: 'integrante-29', may: { read: { own: true, foreign: false }, command: { own: false, foreign: false } } },
];

const RELATIONS: readonly Relation[] = ['own', 'foreign'];

const CASES = ENDPOINTS.flatMap((endpoint) =>
  ACCOUNTS.flatMap((account) =>
    RELATIONS.map((relation) => ({
      endpoint,
      username: account.username,
      relation,
      entidad: STATE[relation],
      allowed: account.may[endpoint.access][relation],
    })),
  ),
);

describe('authorisation matrix: every role × every endpoint × own and foreign state', () => {
  const api = e2eApi();
  const as = new Map<string, HttpClient>(ACCOUNTS.map(({ username }) => [username, authenticatedApi(api, username)]));

  it.each(CASES)(
    '$username · $endpoint.route · $relation state ($entidad) → allowed: $allowed',
    async ({ endpoint, username, entidad, allowed }) => {
      const { method, path, body } = endpoint.request(entidad);

      const response = await as.get(username)!.request(method, path, body);

      if (allowed) {
        // Allowed means the rules of the method answer: 2xx, or a domain 4xx such as 409 or 404, never 401/403/5xx.
        const refused = response.status === 401 || response.status === 403 || response.status >= 500;
        expect(refused ? { status: response.status, body: response.body } : 'answered by the rules').toBe('answered by the rules');
      } else {
        expect(response.status).toBe(403);
        expect(response.body).toMatchObject({ code: 'FORBIDDEN_ENTIDAD', entidad });
        expect(response.body.message).toContain(entidadName(entidad));
      }
    },
  );

  it('lists only the rows of the states an account may read', async () => {
    const entidadesSeenBy = async (username: string) => {
      const response = await as.get(username)!.get<{ entidad: string }[]>('/api/exercises');
      expect(response.status).toBe(200);
      return new Set(response.body.map((exercise) => exercise.entidad));
    };

    expect(await entidadesSeenBy('garante-29')).toEqual(new Set(['29']));
    expect(await entidadesSeenBy('integrante-29')).toEqual(new Set(['29']));
    expect([...(await entidadesSeenBy('coordinador'))]).toEqual(expect.arrayContaining(['02', '29']));
  });

  it('has a row for every mutating route of the API', async () => {
    const document = await api.get<{ paths: Record<string, Record<string, unknown>> }>('/api/docs-json');
    const mutating = Object.entries(document.body.paths).flatMap(([path, operations]) =>
      Object.keys(operations)
        .filter((method) => method !== 'get')
        .map((method) => `${method.toUpperCase()} ${path}`),
    );
    const publicRoutes = ['POST /api/auth/token'];

    const missing = mutating.filter((route) => !publicRoutes.includes(route) && !ENDPOINTS.some((row) => row.route === route));
    expect(missing).toEqual([]);
  });
});
