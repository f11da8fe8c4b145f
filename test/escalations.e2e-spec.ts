import { Client as PgClient } from 'pg';
import { authenticatedApi } from './support/auth';
import { statesOf } from './support/e2e-states';
import { eventually } from './support/eventually';
import { e2eApi, type HttpClient } from './support/http';

const { tlaxcala, notFollowed } = statesOf('escalations', __filename);

interface Escalation {
  readonly id: string;
  readonly streamId: string;
  readonly escalationId: string;
  readonly source: 'exercise' | 'stl';
  readonly entidad: string;
  readonly kind: string;
  readonly status: string;
  readonly acknowledgedBy: string | null;
  readonly resolution: string | null;
}

/**
 * The escalations inbox on the seeded system. Its timers raise escalations within seconds of the seed: Tlaxcala's
 * facilitador post has been vacant since its installation months ago (guia-instalacion-stl.txt, tabla 5), and STLs
 * that never met are past their bimonthly session.
 */
describe('escalations: the inbox, acknowledgement and resolution', () => {
  const api = e2eApi();
  const as = (username: string): HttpClient => authenticatedApi(api, username);
  const coordinador = as('coordinador');
  const enlace = as('enlace');
  const database = new PgClient({ connectionString: process.env.E2E_DATABASE_URL });
  let tlaxcalaVacancy: Escalation;

  const list = async (client: HttpClient, query = ''): Promise<Escalation[]> => {
    const response = await client.get<Escalation[]>(`/api/escalations${query}`);
    expect(response.status).toBe(200);
    return response.body;
  };

  beforeAll(async () => {
    await database.connect();
    await eventually(async () => {
      const open = await list(coordinador, `?entidad=${tlaxcala}&status=abierta`);
      const vacancy = open.find((escalation) => escalation.kind === 'vacancy_escalation');
      expect(vacancy).toBeDefined();
      tlaxcalaVacancy = vacancy!;
    }, 90_000);
  });

  afterAll(() => database.end());

  it('lists escalations from the projection, most recent first, with a URL-safe id naming their workflow', async () => {
    const all = await list(coordinador);

    expect(all.length).toBeGreaterThan(0);
    expect(all.map((escalation) => escalation.id).every((id) => /^[A-Za-z0-9_-]+$/.test(id))).toBe(true);
    const raised = all.map((escalation) => (escalation as unknown as { raisedAt: string }).raisedAt);
    expect(raised).toEqual([...raised].sort().reverse());
    expect(tlaxcalaVacancy).toMatchObject({ streamId: `stl/${tlaxcala}`, source: 'stl', entidad: tlaxcala, status: 'abierta', acknowledgedBy: null });
    expect(Buffer.from(tlaxcalaVacancy.id, 'base64url').toString()).toBe(`stl/${tlaxcala}#${tlaxcalaVacancy.escalationId}`);
  });

  it('filters by status and state', async () => {
    const open = await list(coordinador, '?status=abierta');
    const ofTlaxcala = await list(coordinador, `?entidad=${tlaxcala}`);

    expect(open.every((escalation) => escalation.status === 'abierta')).toBe(true);
    expect(ofTlaxcala.length).toBeGreaterThan(0);
    expect(ofTlaxcala.every((escalation) => escalation.entidad === tlaxcala)).toBe(true);
  });

  it('shows each account only the states it may read', async () => {
    const states = async (username: string) => new Set((await list(as(username))).map((escalation) => escalation.entidad));

    expect(await states(`garante-${tlaxcala}`)).toEqual(new Set([tlaxcala]));
    expect(await states(`integrante-${tlaxcala}`)).toEqual(new Set([tlaxcala]));
    expect([...(await states('enlace'))].every((entidad) => ['14', '20', '26', '29'].includes(entidad))).toBe(true);
    const foreign = await as(`garante-${tlaxcala}`).get(`/api/escalations?entidad=${notFollowed}`);
    expect(foreign.status).toBe(403);
    expect(foreign.body).toMatchObject({ code: 'FORBIDDEN_ENTIDAD', entidad: notFollowed });
  });

  it('lets only the coordinación and the enlaces acknowledge or resolve', async () => {
    const acknowledge = (username: string) => as(username).post(`/api/escalations/${tlaxcalaVacancy.id}/acknowledge`);

    for (const username of [`garante-${tlaxcala}`, `facilitador-${tlaxcala}`]) {
      const response = await acknowledge(username);
      expect({ username, status: response.status, code: response.body.code }).toEqual({ username, status: 403, code: 'FORBIDDEN_ROLE' });
      expect(response.body.message).toContain('Tlaxcala');
    }
    const integrante = await acknowledge(`integrante-${tlaxcala}`);
    expect(integrante.status).toBe(403);
    expect(integrante.body.code).toBe('FORBIDDEN_ENTIDAD');
    const resolveByGarante = await as(`garante-${tlaxcala}`).post(`/api/escalations/${tlaxcalaVacancy.id}/resolve`, { resolution: 'Atendida.' });
    expect(resolveByGarante.status).toBe(403);
    expect((await list(coordinador, `?entidad=${tlaxcala}`)).find((escalation) => escalation.id === tlaxcalaVacancy.id)?.status).toBe('abierta');
  });

  it('refuses an enlace the escalations of a state it does not follow', async () => {
    let foreign: Escalation | undefined;
    await eventually(async () => {
      foreign = (await list(coordinador)).find((escalation) => !['14', '20', '26', '29'].includes(escalation.entidad));
      expect(foreign).toBeDefined();
    }, 60_000);

    const response = await enlace.post(`/api/escalations/${foreign!.id}/acknowledge`);

    expect(response.status).toBe(403);
    expect(response.body).toMatchObject({ code: 'FORBIDDEN_ENTIDAD', entidad: foreign!.entidad });
  });

  it('records the enlace\'s acknowledgement in the STL\'s workflow and its projection; a second one changes nothing', async () => {
    const response = await enlace.post(`/api/escalations/${tlaxcalaVacancy.id}/acknowledge`);
    const again = await enlace.post(`/api/escalations/${tlaxcalaVacancy.id}/acknowledge`);

    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ id: tlaxcalaVacancy.id, status: 'reconocida', acknowledgedBy: 'enlace', acknowledgedAt: expect.any(String) });
    expect(again.body).toEqual(response.body);
    const acknowledged = await list(coordinador, `?entidad=${tlaxcala}&status=reconocida`);
    expect(acknowledged.map((escalation) => escalation.id)).toContain(tlaxcalaVacancy.id);
    const { rows } = await database.query(
      "SELECT count(*)::int AS n FROM domain_events WHERE stream_id = $1 AND type = 'EscalationAcknowledged' AND data->>'escalationId' = $2",
      [`stl/${tlaxcala}`, tlaxcalaVacancy.escalationId],
    );
    expect(rows).toEqual([{ n: 1 }]);
  });

  it('resolves it with the resolution on record, and refuses to resolve it twice', async () => {
    const resolution = 'La coordinación acordó con el organismo garante la convocatoria para designar facilitador.';

    const response = await coordinador.post(`/api/escalations/${tlaxcalaVacancy.id}/resolve`, { resolution });
    const twice = await coordinador.post(`/api/escalations/${tlaxcalaVacancy.id}/resolve`, { resolution });

    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ status: 'resuelta', resolution, resolvedAt: expect.any(String), acknowledgedBy: 'enlace' });
    expect(twice.status).toBe(409);
    expect(twice.body.code).toBe('ESCALATION_ALREADY_RESOLVED');
    const { rows } = await database.query('SELECT status, resolution FROM escalations WHERE id = $1', [`stl/${tlaxcala}#${tlaxcalaVacancy.escalationId}`]);
    expect(rows).toEqual([{ status: 'resuelta', resolution }]);
  });

  it('answers 404 ESCALATION_NOT_FOUND to an escalation that does not exist', async () => {
    const missing = Buffer.from(`stl/${tlaxcala}#${tlaxcalaVacancy.escalationId}-no-existe`).toString('base64url');

    const response = await coordinador.post(`/api/escalations/${missing}/resolve`, { resolution: 'Nada que resolver.' });

    expect(response.status).toBe(404);
    expect(response.body.code).toBe('ESCALATION_NOT_FOUND');
  });
});
