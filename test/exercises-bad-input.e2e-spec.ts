import { Client as PgClient } from 'pg';
import { authenticatedApi } from './support/auth';
import { daysFromToday } from './support/dates';
import { statesOf } from './support/e2e-states';
import { e2eApi } from './support/http';

/**
 * Malformed requests to every exercise, escalation and open-data endpoint: 400 VALIDATION_FAILED naming the field
 * (never a 500), and the exercise exactly as it was. San Luis Potosí's seeded exercise (24-1) is the target.
 */
const { seeded: sanLuisPotosi } = statesOf('exercises-bad-input', __filename);
const EXERCISE = `${sanLuisPotosi}-1`;
const STREAM = `exercise/${sanLuisPotosi}/1`;
const TODAY = daysFromToday(0);
const long = (length: number) => 'a'.repeat(length);
const urls = (count: number) => Array.from({ length: count }, (_, index) => `https://micrositio.ejemplo.org.mx/${index}.pdf`);

const validCommitment = {
  id: 'C1',
  title: 'Datos abiertos de obra pública',
  kind: 'agenda_nacional',
  activities: ['Mesa de trabajo'],
  products: ['Informe'],
  indicators: ['Porcentaje de avance'],
  responsibles: ['24-gobierno-1'],
};
const withCommitment = (change: Record<string, unknown>) => ({ commitments: [{ ...validCommitment, ...change }] });

interface BadRequest {
  readonly name: string;
  readonly method: 'GET' | 'POST' | 'PUT';
  readonly path: string;
  readonly body?: unknown;
  /** The field the answer must name. */
  readonly field: string;
}

const row = (method: BadRequest['method'], path: string, cases: readonly [string, unknown, string][]): BadRequest[] =>
  cases.map(([name, body, field]) => ({ name: `${method} ${path.replace(EXERCISE, ':id')} · ${name}`, method, path, body, field }));

const ex = (suffix: string) => `/api/exercises/${EXERCISE}${suffix}`;

const NOT_AN_ESCALATION = Buffer.from(`stl/${sanLuisPotosi}#no-existe`).toString('base64url');

const BAD_REQUESTS: readonly BadRequest[] = [
  ...row('POST', '/api/exercises', [
    ['empty body', {}, 'entidad'],
    ['unknown state', { entidad: '33', startedOn: TODAY }, 'entidad'],
    ['state as a number', { entidad: 24, startedOn: TODAY }, 'entidad'],
    ['date without leading zeros', { entidad: sanLuisPotosi, startedOn: '2026-1-5' }, 'startedOn'],
    ['impossible date', { entidad: sanLuisPotosi, startedOn: '2026-02-30' }, 'startedOn'],
    ['date with a time', { entidad: sanLuisPotosi, startedOn: `${TODAY}T00:00:00Z` }, 'startedOn'],
    ['unknown decision rule', { entidad: sanLuisPotosi, startedOn: TODAY, decisionRule: 'mayoria' }, 'decisionRule'],
    ['unknown field', { entidad: sanLuisPotosi, startedOn: TODAY, number: 7 }, 'number'],
  ]),
  ...row('POST', ex('/stages/3/complete'), [
    ['no date', {}, 'completedOn'],
    ['day-first date', { completedOn: '10/11/2026' }, 'completedOn'],
    ['evidence not a list', { completedOn: TODAY, evidence: 'https://a.mx/x.pdf' }, 'evidence'],
    ['evidence over ftp', { completedOn: TODAY, evidence: ['ftp://a.mx/x.pdf'] }, 'evidence'],
    ['21 links of evidence', { completedOn: TODAY, evidence: urls(21) }, 'evidence'],
    ['empty justification', { completedOn: TODAY, justification: '' }, 'justification'],
    ['justification of 2001 characters', { completedOn: TODAY, justification: long(2_001) }, 'justification'],
    ['stage 11 merged', { completedOn: TODAY, mergedWith: [11] }, 'mergedWith'],
    ['unknown field', { completedOn: TODAY, stage: 3 }, 'stage'],
  ]),
  ...row('POST', ex('/stages/11/complete'), [['stage out of range', { completedOn: TODAY }, 'stage']]),
  ...row('POST', ex('/steps/7/complete'), [['step out of range', { completedOn: TODAY }, 'step']]),
  ...row('POST', ex('/steps/uno/complete'), [['step not a number', { completedOn: TODAY }, 'step']]),
  ...row('POST', ex('/steps/4/complete'), [
    ['no date', {}, 'completedOn'],
    ['javascript link', { completedOn: TODAY, evidence: ['javascript:alert(1)'] }, 'evidence'],
    ['unknown field', { completedOn: TODAY, automatic: true }, 'automatic'],
  ]),
  ...row('POST', ex('/governance-mechanism'), [
    ['no date', { documentUrl: 'https://a.mx/mg.pdf' }, 'adoptedOn'],
    ['not a link', { adoptedOn: TODAY, documentUrl: 'mecanismo.pdf' }, 'documentUrl'],
    ['ftp link', { adoptedOn: TODAY, documentUrl: 'ftp://a.mx/mg.pdf' }, 'documentUrl'],
    ['link as a number', { adoptedOn: TODAY, documentUrl: 42 }, 'documentUrl'],
    ['link of 2001 characters', { adoptedOn: TODAY, documentUrl: `https://a.mx/${long(1_990)}` }, 'documentUrl'],
  ]),
  ...row('POST', ex('/annual-agenda'), [
    ['no link', { adoptedOn: TODAY }, 'documentUrl'],
    ['month 13', { adoptedOn: '2026-13-01', documentUrl: 'https://a.mx/agenda.pdf' }, 'adoptedOn'],
  ]),
  ...row('PUT', ex('/commitments'), [
    ['no commitments', {}, 'commitments'],
    ['commitments not a list', { commitments: 'C1' }, 'commitments'],
    ['a commitment that is not an object', { commitments: [1] }, 'commitments'],
    ['51 commitments', { commitments: Array.from({ length: 51 }, (_, index) => ({ ...validCommitment, id: `C${index}` })) }, 'commitments'],
    ['commitment without id', { commitments: [{ ...validCommitment, id: undefined }] }, 'commitments.0.id'],
    ['id with a space', withCommitment({ id: 'C 1' }), 'commitments.0.id'],
    ['id of 65 characters', withCommitment({ id: long(65) }), 'commitments.0.id'],
    ['unknown kind', withCommitment({ kind: 'otro' }), 'commitments.0.kind'],
    ['empty title', withCommitment({ title: '' }), 'commitments.0.title'],
    ['title of 301 characters', withCommitment({ title: long(301) }), 'commitments.0.title'],
    ['description of 4001 characters', withCommitment({ description: long(4_001) }), 'commitments.0.description'],
    ['activities not a list', withCommitment({ activities: 'mesa' }), 'commitments.0.activities'],
    ['31 products', withCommitment({ products: Array.from({ length: 31 }, () => 'informe') }), 'commitments.0.products'],
    ['an empty indicator', withCommitment({ indicators: [''] }), 'commitments.0.indicators'],
    ['a responsible of 201 characters', withCommitment({ responsibles: [long(201)] }), 'commitments.0.responsibles'],
    ['a completion (progress has its own endpoint)', withCommitment({ completion: 'complete' }), 'commitments.0.completion'],
    ['unknown field in a commitment', withCommitment({ budget: 1_000 }), 'commitments.0.budget'],
  ]),
  ...row('POST', ex('/pal'), [
    ['no date', {}, 'launchedOn'],
    ['bad commitment kind', { launchedOn: TODAY, commitments: [{ ...validCommitment, kind: 'nacional' }] }, 'commitments.0.kind'],
    ['evidence not links', { launchedOn: TODAY, evidence: ['plan.pdf'] }, 'evidence'],
  ]),
  ...row('POST', ex('/commitments/C1/progress'), [
    ['completion off the IRM scale', { completion: 'half', reportedOn: TODAY }, 'completion'],
    ['no date', { completion: 'limited' }, 'reportedOn'],
    ['unknown field', { completion: 'limited', reportedOn: TODAY, percent: 50 }, 'percent'],
  ]),
  ...row('POST', ex('/commitments/C%201/progress'), [['commitment id with a space', { completion: 'limited', reportedOn: TODAY }, 'commitmentId']]),
  ...row('POST', ex('/monitoring'), [
    ['no summary', { completedOn: TODAY }, 'summary'],
    ['empty summary', { completedOn: TODAY, summary: '' }, 'summary'],
    ['summary of 5001 characters', { completedOn: TODAY, summary: long(5_001) }, 'summary'],
  ]),
  ...row('POST', ex('/evaluation'), [
    ['no date', { summary: 'Concluido.' }, 'completedOn'],
    ['summary as a list', { completedOn: TODAY, summary: ['Concluido.'] }, 'summary'],
  ]),
  ...row('POST', `/api/escalations/${NOT_AN_ESCALATION}/resolve`, [
    ['no resolution', {}, 'resolution'],
    ['resolution of 2001 characters', { resolution: long(2_001) }, 'resolution'],
    ['unknown field', { resolution: 'Atendida.', by: 'otra persona' }, 'by'],
  ]),
  ...[
    ['limit=0', 'limit'],
    ['limit=501', 'limit'],
    ['limit=abc', 'limit'],
    ['limit=1.5', 'limit'],
    ['limit=', 'limit'],
    ['offset=-1', 'offset'],
    ['status=abierto', 'status'],
    ['entidad=99', 'entidad'],
    ['orden=numero', 'orden'],
  ].map(([query, field]): BadRequest => ({ name: `GET /api/exercises?${query}`, method: 'GET', path: `/api/exercises?${query}`, field })),
  ...[
    ['status=open', 'status'],
    ['limit=1000', 'limit'],
    ['entidad=00', 'entidad'],
  ].map(([query, field]): BadRequest => ({ name: `GET /api/escalations?${query}`, method: 'GET', path: `/api/escalations?${query}`, field })),
];

describe('bad input to the exercise, escalation and open-data endpoints', () => {
  const api = e2eApi();
  const coordinador = authenticatedApi(api, 'coordinador');
  const database = new PgClient({ connectionString: process.env.E2E_DATABASE_URL });
  let before: { events: unknown[]; exercise: unknown };

  const current = async () => ({
    events: (await database.query('SELECT seq, type FROM domain_events WHERE stream_id = $1 ORDER BY seq', [STREAM])).rows,
    exercise: (await coordinador.get(`/api/exercises/${EXERCISE}`)).body,
  });

  beforeAll(async () => {
    await database.connect();
    before = await current();
  });

  afterAll(() => database.end());

  it.each(BAD_REQUESTS)('$name → 400 naming $field', async ({ method, path, body, field }) => {
    const response = await coordinador.request(method, path, body);

    expect({ status: response.status, code: response.body.code }).toEqual({ status: 400, code: 'VALIDATION_FAILED' });
    expect((response.body.errors as { field: string }[]).map((error) => error.field)).toContain(field);
    expect(response.body.message).toContain(field);
  });

  it.each([
    ['malformed JSON', '{"completedOn":'],
    ['a JSON string', '"2026-11-10"'],
    ['null', 'null'],
  ])('refuses %s as a body with a 400', async (_name, raw) => {
    const response = await coordinador.request('POST', ex('/steps/4/complete'), raw);

    expect(response.status).toBe(400);
    expect(response.body.code).toEqual(expect.any(String));
  });

  it('refuses a list where an object is expected, naming the missing fields', async () => {
    const response = await coordinador.post(ex('/governance-mechanism'), []);

    expect(response.status).toBe(400);
    expect(response.body.code).toBe('VALIDATION_FAILED');
  });

  it('answers 413 to a body over 256 kB rather than reading it', async () => {
    const response = await coordinador.put(ex('/commitments'), withCommitment({ description: long(300_000) }));

    expect(response.status).toBe(413);
    expect(response.body.code).toBe('PAYLOAD_TOO_LARGE');
  });

  it('answers 404 ESCALATION_NOT_FOUND to an escalation id that decodes to nothing', async () => {
    for (const id of ['no-es-base64!', 'eA', NOT_AN_ESCALATION]) {
      const response = await coordinador.post(`/api/escalations/${encodeURIComponent(id)}/acknowledge`);
      expect({ id, status: response.status, code: response.body.code }).toEqual({ id, status: 404, code: 'ESCALATION_NOT_FOUND' });
    }
  });

  it.each([
    ['a NUL', 'https://ejemplo.org/acta\u0000.pdf'],
    ['a lone surrogate', 'https://ejemplo.org/acta\ud800.pdf'],
  ])('one character wedges a workflow for ever: %s in the evidence is a 400, and the next command is answered at once', async (_name, link) => {
    const refused = await coordinador.post(ex('/stages/1/complete'), { completedOn: TODAY, evidence: [link] });
    expect({ status: refused.status, field: (refused.body.errors as { field: string }[])[0]?.field }).toEqual({ status: 400, field: 'evidence.0' });

    const started = Date.now();
    const next = await coordinador.post(ex('/stages/1/complete'), { completedOn: TODAY });
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(next.status).toBeLessThan(500);
  });

  it('answers the open data to anyone, whatever the query string', async () => {
    expect((await api.get('/api/open-data/exercises.json?x=1')).status).toBe(200);
  });

  it('left the exercise exactly as it was', async () => {
    expect(await current()).toEqual(before);
  });
});
