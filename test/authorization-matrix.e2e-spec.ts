import { entidadName, type Entidad, STL_2017 } from '@app/domain';
import { authenticatedApi } from './support/auth';
import { daysFromToday } from './support/dates';
import { statesOf } from './support/e2e-states';
import { e2eApi, type HttpClient } from './support/http';

/**
 * Who may do what, in which state, through HTTP on the real system. Adding an endpoint is adding a row to ENDPOINTS
 * (the last tests fail until every route of the OpenAPI document, reads included, has one or is named as public).
 */

/** `escalation`: acknowledging and resolving escalations, which only the INAI's roles do (coordinación, enlaces). */
type Access = 'read' | 'command' | 'escalation';
type Relation = 'own' | 'foreign';

/**
 * Oaxaca (facilitador vacant) is the garante's, facilitador's and integrante's own state and one the enlace follows;
 * Campeche (facilitador in office) is none of theirs.
 */
const STATE: Record<Relation, Entidad> = statesOf('authorization-matrix', __filename);

interface Endpoint {
  /** As in the OpenAPI document: `POST /api/exercises/{id}/stages/{stage}/complete`. */
  readonly route: string;
  readonly access: Access;
  /** A well-formed request about `entidad` (403 must come from the state, never from a malformed body). */
  readonly request: (entidad: Entidad) => { readonly method: string; readonly path: string; readonly body?: unknown };
}

/** An escalation id of the state's STL that does not exist: allowed callers get 404 ESCALATION_NOT_FOUND. */
const missingEscalation = (entidad: Entidad) => Buffer.from(`stl/${entidad}#matriz-no-existe`).toString('base64url');

const ENDPOINTS: readonly Endpoint[] = [
  {
    // The outbox names people and their addresses: those who act for the state, not every integrante.
    route: 'GET /api/notifications',
    access: 'command',
    request: (entidad) => ({ method: 'GET', path: `/api/notifications?entidad=${entidad}` }),
  },
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
  // Exercise commands and escalations. Where allowed, each request is answered by a rule that changes nothing (a step
  // already completed, a future date, commitments with a repeated id, an escalation that does not exist).
  {
    route: 'POST /api/exercises/{id}/steps/{step}/complete',
    access: 'command',
    request: (entidad) => ({ method: 'POST', path: `/api/exercises/${entidad}-1/steps/1/complete`, body: { completedOn: daysFromToday(-10) } }),
  },
  {
    route: 'POST /api/exercises/{id}/governance-mechanism',
    access: 'command',
    request: (entidad) => ({
      method: 'POST',
      path: `/api/exercises/${entidad}-1/governance-mechanism`,
      body: { adoptedOn: daysFromToday(5), documentUrl: 'https://micrositio.ejemplo.org.mx/mg.pdf' },
    }),
  },
  {
    route: 'POST /api/exercises/{id}/annual-agenda',
    access: 'command',
    request: (entidad) => ({
      method: 'POST',
      path: `/api/exercises/${entidad}-1/annual-agenda`,
      body: { adoptedOn: daysFromToday(5), documentUrl: 'https://micrositio.ejemplo.org.mx/agenda.pdf' },
    }),
  },
  {
    route: 'PUT /api/exercises/{id}/commitments',
    access: 'command',
    request: (entidad) => {
      const repeated = { id: 'C1', title: 'Compromiso', kind: 'agenda_nacional', activities: [], products: [], indicators: [], responsibles: [] };
      return { method: 'PUT', path: `/api/exercises/${entidad}-1/commitments`, body: { commitments: [repeated, repeated] } };
    },
  },
  {
    route: 'POST /api/exercises/{id}/pal',
    access: 'command',
    request: (entidad) => ({ method: 'POST', path: `/api/exercises/${entidad}-1/pal`, body: { launchedOn: daysFromToday(5) } }),
  },
  {
    route: 'POST /api/exercises/{id}/commitments/{commitmentId}/progress',
    access: 'command',
    request: (entidad) => ({
      method: 'POST',
      path: `/api/exercises/${entidad}-1/commitments/C1/progress`,
      body: { completion: 'limited', reportedOn: daysFromToday(5) },
    }),
  },
  {
    route: 'POST /api/exercises/{id}/monitoring',
    access: 'command',
    request: (entidad) => ({
      method: 'POST',
      path: `/api/exercises/${entidad}-1/monitoring`,
      body: { completedOn: daysFromToday(5), summary: 'Prueba de la matriz' },
    }),
  },
  {
    route: 'POST /api/exercises/{id}/evaluation',
    access: 'command',
    request: (entidad) => ({
      method: 'POST',
      path: `/api/exercises/${entidad}-1/evaluation`,
      body: { completedOn: daysFromToday(5), summary: 'Prueba de la matriz' },
    }),
  },
  {
    route: 'GET /api/escalations',
    access: 'read',
    request: (entidad) => ({ method: 'GET', path: `/api/escalations?entidad=${entidad}` }),
  },
  {
    route: 'POST /api/escalations/{id}/acknowledge',
    access: 'escalation',
    request: (entidad) => ({ method: 'POST', path: `/api/escalations/${missingEscalation(entidad)}/acknowledge` }),
  },
  {
    route: 'POST /api/escalations/{id}/resolve',
    access: 'escalation',
    request: (entidad) => ({
      method: 'POST',
      path: `/api/escalations/${missingEscalation(entidad)}/resolve`,
      body: { resolution: 'Prueba de la matriz' },
    }),
  },
  // STL endpoints. Where allowed, each request is answered by a rule that changes nothing (a future date, an unknown
  // member or session, the rule or days already in force), so the matrix leaves both states as seeded.
  {
    route: 'GET /api/stls',
    access: 'read',
    request: (entidad) => ({ method: 'GET', path: `/api/stls?entidad=${entidad}` }),
  },
  {
    route: 'GET /api/stls/{entidad}',
    access: 'read',
    request: (entidad) => ({ method: 'GET', path: `/api/stls/${entidad}` }),
  },
  {
    route: 'POST /api/stls/{entidad}/members',
    access: 'command',
    request: (entidad) => ({
      method: 'POST',
      path: `/api/stls/${entidad}/members`,
      body: {
        memberId: `${entidad}-invitado-matriz`,
        sector: 'gobierno',
        role: 'invitado',
        nombre: 'Invitada de la matriz',
        organizacion: 'Ayuntamiento',
        joinedOn: daysFromToday(1),
      },
    }),
  },
  {
    route: 'POST /api/stls/{entidad}/installation',
    access: 'command',
    // Installed seeded STLs: the rules install once, so a second installation stores nothing.
    request: (entidad) => ({ method: 'POST', path: `/api/stls/${entidad}/installation`, body: { installedOn: daysFromToday(-1) } }),
  },
  {
    route: 'PUT /api/stls/{entidad}/facilitador',
    access: 'command',
    request: (entidad) => ({
      method: 'PUT',
      path: `/api/stls/${entidad}/facilitador`,
      body: { nombre: 'Facilitadora de la matriz', procedencia: 'Academia', appointedOn: daysFromToday(1) },
    }),
  },
  {
    route: 'DELETE /api/stls/{entidad}/facilitador',
    access: 'command',
    request: (entidad) => ({
      method: 'DELETE',
      path: `/api/stls/${entidad}/facilitador`,
      body: { vacatedOn: '2000-01-03', reason: 'Prueba de la matriz' },
    }),
  },
  {
    route: 'PUT /api/stls/{entidad}/decision-rule',
    access: 'command',
    request: (entidad) => ({
      method: 'PUT',
      path: `/api/stls/${entidad}/decision-rule`,
      body: { decisionRule: STL_2017.find((record) => record.entidad === entidad)!.decisionRule },
    }),
  },
  {
    route: 'PUT /api/stls/{entidad}/governance',
    access: 'command',
    // Installed seeded STLs: the rules answer 409 DECISION_REQUIRED, storing nothing.
    request: (entidad) => ({ method: 'PUT', path: `/api/stls/${entidad}/governance`, body: { mechanism: { template: 'minimos_guia' } } }),
  },
  {
    route: 'POST /api/stls/{entidad}/working-meetings',
    access: 'command',
    request: (entidad) => ({
      method: 'POST',
      path: `/api/stls/${entidad}/working-meetings`,
      body: { meetingId: 'rt-matriz', date: daysFromToday(-1), topic: 'Prueba de la matriz', participants: [`${entidad}-no-existe`] },
    }),
  },
  {
    route: 'PUT /api/stls/{entidad}/non-working-days',
    access: 'command',
    request: (entidad) => ({ method: 'PUT', path: `/api/stls/${entidad}/non-working-days`, body: { dates: [] } }),
  },
  {
    route: 'POST /api/stls/{entidad}/civil-society-renewal/start',
    access: 'command',
    request: (entidad) => ({
      method: 'POST',
      path: `/api/stls/${entidad}/civil-society-renewal/start`,
      body: { palEndedOn: daysFromToday(1) },
    }),
  },
  {
    route: 'POST /api/stls/{entidad}/civil-society-renewal/complete',
    access: 'command',
    request: (entidad) => ({
      method: 'POST',
      path: `/api/stls/${entidad}/civil-society-renewal/complete`,
      body: { completedOn: daysFromToday(-1) },
    }),
  },
  {
    route: 'POST /api/stls/{entidad}/members/{memberId}/resign',
    access: 'command',
    request: (entidad) => ({
      method: 'POST',
      path: `/api/stls/${entidad}/members/${entidad}-no-existe/resign`,
      body: { on: daysFromToday(-1) },
    }),
  },
  {
    route: 'POST /api/stls/{entidad}/members/{memberId}/removal/propose',
    access: 'command',
    request: (entidad) => ({
      method: 'POST',
      path: `/api/stls/${entidad}/members/${entidad}-no-existe/removal/propose`,
      body: { cause: 'probidad', proposedBy: `${entidad}-garante-1` },
    }),
  },
  {
    route: 'POST /api/stls/{entidad}/members/{memberId}/removal/decide',
    access: 'command',
    request: (entidad) => ({
      method: 'POST',
      path: `/api/stls/${entidad}/members/${entidad}-gobierno-1/removal/decide`,
      body: { decision: { sessionId: 'sesion-1', decisionId: '1' } },
    }),
  },
  {
    route: 'POST /api/stls/{entidad}/sessions',
    access: 'command',
    request: (entidad) => ({
      method: 'POST',
      path: `/api/stls/${entidad}/sessions`,
      body: { date: daysFromToday(1), kind: 'ordinaria', convokedOn: daysFromToday(0), agenda: ['Asuntos generales'] },
    }),
  },
  {
    route: 'POST /api/stls/{entidad}/sessions/{id}/attendance',
    access: 'command',
    request: (entidad) => ({ method: 'POST', path: `/api/stls/${entidad}/sessions/no-existe/attendance`, body: { present: [] } }),
  },
  {
    route: 'POST /api/stls/{entidad}/sessions/{id}/decisions',
    access: 'command',
    request: (entidad) => ({
      method: 'POST',
      path: `/api/stls/${entidad}/sessions/no-existe/decisions`,
      body: { subject: 'Asunto de la matriz', consensus: true, votes: [] },
    }),
  },
  {
    route: 'POST /api/stls/{entidad}/sessions/{id}/minutes',
    access: 'command',
    request: (entidad) => ({
      method: 'POST',
      path: `/api/stls/${entidad}/sessions/no-existe/minutes`,
      body: { approvedOn: daysFromToday(-1), signedBy: [`${entidad}-gobierno-1`] },
    }),
  },
  {
    route: 'POST /api/stls/{entidad}/sessions/{id}/cancel',
    access: 'command',
    request: (entidad) => ({ method: 'POST', path: `/api/stls/${entidad}/sessions/no-existe/cancel`, body: { reason: 'Prueba de la matriz' } }),
  },
  {
    route: 'POST /api/stls/{entidad}/sessions/{id}/reschedule',
    access: 'command',
    request: (entidad) => ({
      method: 'POST',
      path: `/api/stls/${entidad}/sessions/no-existe/reschedule`,
      body: { date: daysFromToday(30), reason: 'Prueba de la matriz' },
    }),
  },
];

/** What each role may do in its own state and in a foreign one (DESIGN.md, "HTTP surface"). */
const ACCOUNTS: readonly { readonly username: string; readonly may: Record<Access, Record<Relation, boolean>> }[] = [
  {
    username: 'coordinador',
    may: { read: { own: true, foreign: true }, command: { own: true, foreign: true }, escalation: { own: true, foreign: true } },
  },
  {
    username: 'enlace',
    may: { read: { own: true, foreign: false }, command: { own: true, foreign: false }, escalation: { own: true, foreign: false } },
  },
  {
    username: `garante-${STATE.own}`,
    may: { read: { own: true, foreign: false }, command: { own: true, foreign: false }, escalation: { own: false, foreign: false } },
  },
  {
    username: `facilitador-${STATE.own}`,
    may: { read: { own: true, foreign: false }, command: { own: true, foreign: false }, escalation: { own: false, foreign: false } },
  },
  {
    username: `integrante-${STATE.own}`,
    may: { read: { own: true, foreign: false }, command: { own: false, foreign: false }, escalation: { own: false, foreign: false } },
  },
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
      // Where the account may act, a refusal names its role (escalations are the INAI's); elsewhere, the state.
      refusal: account.may.command[relation] ? 'FORBIDDEN_ROLE' : 'FORBIDDEN_ENTIDAD',
    })),
  ),
);

describe('authorisation matrix: every role × every endpoint × own and foreign state', () => {
  const api = e2eApi();
  const as = new Map<string, HttpClient>(ACCOUNTS.map(({ username }) => [username, authenticatedApi(api, username)]));

  it.each(CASES)(
    '$username · $endpoint.route · $relation state ($entidad) → allowed: $allowed',
    async ({ endpoint, username, entidad, allowed, refusal }) => {
      const { method, path, body } = endpoint.request(entidad);

      const response = await as.get(username)!.request(method, path, body);

      if (allowed) {
        // Allowed means the rules of the method answer: 2xx, or a domain 4xx such as 409 or 404, never 401/403/5xx.
        const refused = response.status === 401 || response.status === 403 || response.status >= 500;
        expect(refused ? { status: response.status, body: response.body } : 'answered by the rules').toBe('answered by the rules');
      } else {
        expect(response.status).toBe(403);
        expect(response.body).toMatchObject({ code: refusal, entidad });
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

    expect(await entidadesSeenBy(`garante-${STATE.own}`)).toEqual(new Set([STATE.own]));
    expect(await entidadesSeenBy(`integrante-${STATE.own}`)).toEqual(new Set([STATE.own]));
    expect([...(await entidadesSeenBy('coordinador'))]).toEqual(expect.arrayContaining([STATE.foreign, STATE.own]));
  });

  it('has a row for every read of the API, so no GET lists or shows a state without the scope being tried', async () => {
    const document = await api.get<{ paths: Record<string, Record<string, unknown>> }>('/api/docs-json');
    const reads = Object.entries(document.body.paths)
      .filter(([, operations]) => 'get' in operations)
      .map(([path]) => `GET ${path}`);
    // Open to anyone by design (health, open data, the legal calendar, the public session calendar), about one's own
    // account, or scoped by role and state in test/accounts.e2e-spec.ts.
    const notAboutAState = [
      'GET /api/health',
      'GET /api/health/ready',
      'GET /api/open-data/exercises.json',
      'GET /api/open-data/exercises.csv',
      'GET /api/calendar/notice-deadline',
      'GET /api/stls/{entidad}/sessions.ics',
      'GET /api/auth/me',
      'GET /api/users',
      'GET /api/users/audit',
    ];

    const missing = reads.filter((route) => !notAboutAState.includes(route) && !ENDPOINTS.some((row) => row.route === route));
    expect(missing).toEqual([]);
  });

  it('has a row for every mutating route of the API', async () => {
    const document = await api.get<{ paths: Record<string, Record<string, unknown>> }>('/api/docs-json');
    const mutating = Object.entries(document.body.paths).flatMap(([path, operations]) =>
      Object.keys(operations)
        .filter((method) => method !== 'get')
        .map((method) => `${method.toUpperCase()} ${path}`),
    );
    // Credentials and one's own session are not about a state; accounts are scoped by role and state in
    // test/accounts.e2e-spec.ts (apps/api/src/users/account-rules.ts).
    const publicRoutes = [
      'POST /api/auth/token',
      'POST /api/auth/password',
      'POST /api/auth/password-reset',
      'POST /api/auth/logout',
      'PUT /api/auth/me/password',
      'POST /api/users',
      'PATCH /api/users/{username}',
      'POST /api/users/{username}/password-reset',
      // The deployment's SMTP settings, not a state's: the coordinación only (test/requeue-undeliverable.e2e-spec.ts).
      'POST /api/notifications/requeue',
    ];

    const missing = mutating.filter((route) => !publicRoutes.includes(route) && !ENDPOINTS.some((row) => row.route === route));
    expect(missing).toEqual([]);
  });
});
