import { randomUUID } from 'node:crypto';
import { businessCalendar } from '@app/domain';
import { Client } from 'pg';
import { todayInMexicoCity } from './support/dates';
import { statesOf } from './support/e2e-states';
import { e2eApi } from './support/http';
import { commandPoster } from './support/raw-command';

/**
 * Idempotency-Key on the whole system, over Sinaloa (25), a seeded STL no other e2e file commands: the coordinador
 * and the garante of Sinaloa convene its sessions with keys, retried, reused and refused.
 */

const api = e2eApi();
const { sinaloa } = statesOf('idempotency', __filename);
const SESSIONS = `/api/stls/${sinaloa}/sessions`;
const today = todayInMexicoCity();
const federal = businessCalendar();

const post = commandPoster(process.env.E2E_API_URL!);

function convocation(businessDaysAhead: number, agenda = ['Seguimiento del PAL']) {
  return { date: federal.addBusinessDays(today, businessDaysAhead), kind: 'ordinaria', convokedOn: today, agenda };
}

describe('Idempotency-Key on the convocation of a session (Sinaloa, 25)', () => {
  let database: Client;

  const eventsOfSinaloa = async (): Promise<number> =>
    Number((await database.query(`SELECT count(*) AS n FROM domain_events WHERE stream_id = 'stl/25'`)).rows[0].n);
  const emailsOfSinaloa = async (): Promise<number> =>
    Number((await database.query(`SELECT count(*) AS n FROM notifications WHERE stream_id = 'stl/25'`)).rows[0].n);
  const sessionsOn = async (date: string): Promise<number> =>
    Number((await database.query('SELECT count(*) AS n FROM stl_sessions WHERE entidad = $1 AND date = $2', [sinaloa, date])).rows[0].n);

  beforeAll(async () => {
    database = new Client({ connectionString: process.env.E2E_DATABASE_URL });
    await database.connect();
  });

  afterAll(() => database?.end());

  it('answers a retried convocation with the same status and bytes, and convenes one session', async () => {
    const key = randomUUID();
    const body = convocation(10, ['Lista de asistencia', 'Seguimiento del PAL']);

    const first = await post('coordinador', SESSIONS, body, key);
    const eventsAfterFirst = await eventsOfSinaloa();
    const emailsAfterFirst = await emailsOfSinaloa();
    const retry = await post('coordinador', SESSIONS, body, key);
    const reordered = await post('coordinador', SESSIONS, { agenda: body.agenda, convokedOn: body.convokedOn, kind: body.kind, date: body.date }, key);

    expect(first.status).toBe(201);
    expect(first.json).toMatchObject({ date: body.date, status: 'convocada' });
    expect(retry.status).toBe(201);
    expect(retry.text).toBe(first.text);
    expect(reordered.text).toBe(first.text);
    expect(await eventsOfSinaloa()).toBe(eventsAfterFirst);
    expect(await emailsOfSinaloa()).toBe(emailsAfterFirst);
    expect(await sessionsOn(body.date)).toBe(1);
  });

  it('refuses the same key with another body: 422 IDEMPOTENCY_KEY_REUSED, nothing convened', async () => {
    const key = randomUUID();
    const body = convocation(11);
    expect((await post('coordinador', SESSIONS, body, key)).status).toBe(201);
    const events = await eventsOfSinaloa();

    const other = await post('coordinador', SESSIONS, convocation(12), key);

    expect(other.status).toBe(422);
    expect(other.json).toMatchObject({ code: 'IDEMPOTENCY_KEY_REUSED', message: expect.stringMatching(/ya se usó con otra solicitud/) });
    expect(await eventsOfSinaloa()).toBe(events);
    expect(await sessionsOn(convocation(12).date)).toBe(0);
  });

  it('refuses a malformed key with 400 IDEMPOTENCY_KEY_INVALID before anything runs', async () => {
    const events = await eventsOfSinaloa();

    const spaced = await post('coordinador', SESSIONS, convocation(13), 'dos palabras');
    const tooLong = await post('coordinador', SESSIONS, convocation(13), 'k'.repeat(256));

    for (const answer of [spaced, tooLong]) {
      expect(answer.status).toBe(400);
      expect(answer.json).toMatchObject({ code: 'IDEMPOTENCY_KEY_INVALID', message: expect.stringMatching(/^El encabezado Idempotency-Key/) });
    }
    expect(await eventsOfSinaloa()).toBe(events);
  });

  it("scopes keys by account: the garante's request under the coordinador's key is its own", async () => {
    const key = randomUUID();
    const coordinadorAnswer = await post('coordinador', SESSIONS, convocation(14), key);

    const garanteAnswer = await post('garante-25', SESSIONS, convocation(15), key);
    const garanteRetry = await post('garante-25', SESSIONS, convocation(15), key);

    expect(coordinadorAnswer.status).toBe(201);
    expect(garanteAnswer.status).toBe(201);
    expect(garanteAnswer.json).toMatchObject({ date: convocation(15).date });
    expect(garanteAnswer.json.id).not.toBe(coordinadorAnswer.json.id);
    expect(garanteRetry.text).toBe(garanteAnswer.text);
    expect(await sessionsOn(convocation(14).date)).toBe(1);
    expect(await sessionsOn(convocation(15).date)).toBe(1);
  });

  it('keeps nothing under a key whose request failed validation: the corrected request may use it', async () => {
    const key = randomUUID();
    const { agenda: _missing, ...withoutAgenda } = convocation(16);

    const refused = await post('coordinador', SESSIONS, withoutAgenda, key);
    const corrected = await post('coordinador', SESSIONS, convocation(16), key);
    const retried = await post('coordinador', SESSIONS, convocation(16), key);

    expect(refused.status).toBe(400);
    expect(refused.json.code).toBe('VALIDATION_FAILED');
    expect(corrected.status).toBe(201);
    expect(retried.text).toBe(corrected.text);
    expect(await sessionsOn(convocation(16).date)).toBe(1);
  });

  it('keeps a refusal of the rules like an answer: the retry gets the same 422 NOTICE_TOO_SHORT', async () => {
    const key = randomUUID();
    const tooSoon = convocation(4);

    const refused = await post('coordinador', SESSIONS, tooSoon, key);
    const retried = await post('coordinador', SESSIONS, tooSoon, key);

    expect(refused.status).toBe(422);
    expect(refused.json.code).toBe('NOTICE_TOO_SHORT');
    expect(retried.status).toBe(422);
    expect(retried.text).toBe(refused.text);
    const kept = await database.query('SELECT status, response_status, response_body FROM idempotency_keys WHERE account = $1 AND key = $2', [
      'coordinador',
      key,
    ]);
    expect(kept.rows).toEqual([{ status: 'completed', response_status: 422, response_body: refused.text }]);
  });

  it('keeps working without the header: each request is a new one', async () => {
    const body = convocation(17);

    const first = await post('coordinador', SESSIONS, body);
    const second = await post('coordinador', SESSIONS, body);

    expect([first.status, second.status]).toEqual([201, 201]);
    expect(second.json.id).not.toBe(first.json.id);
  });
});

describe('OpenAPI: the Idempotency-Key header', () => {
  it('is documented on every command route, and only there', async () => {
    const document = (await api.get<{ paths: Record<string, Record<string, { parameters?: { name: string; in: string }[] }>> }>('/api/docs-json')).body;
    const operations = Object.entries(document.paths).flatMap(([path, methods]) =>
      Object.entries(methods).map(([method, operation]) => ({
        route: `${method.toUpperCase()} ${path}`,
        keyed: (operation.parameters ?? []).some((parameter) => parameter.in === 'header' && parameter.name === 'Idempotency-Key'),
      })),
    );
    // The routes that send a command to a workflow; accounts and sign-in change no workflow.
    const commands = operations.filter(({ route }) => /^(POST|PUT|PATCH|DELETE) \/api\/(exercises|stls|escalations)\b/.test(route));

    expect(commands.length).toBeGreaterThanOrEqual(27);
    expect(commands.filter(({ keyed }) => !keyed).map(({ route }) => route)).toEqual([]);
    expect(operations.filter(({ route, keyed }) => keyed && !commands.some((command) => command.route === route))).toEqual([]);
  });
});
