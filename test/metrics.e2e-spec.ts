import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { stripVTControlCharacters } from 'node:util';
import { Client } from 'pg';
import { authenticatedApi } from './support/auth';
import { daysFromToday } from './support/dates';
import { statesOf } from './support/e2e-states';
import { eventually } from './support/eventually';
import { e2eApi } from './support/http';

/** Tamaulipas (28): no seeded exercise, and no other e2e file commands it. */
const { tamaulipas: TAMAULIPAS } = statesOf('metrics', __filename);

const scrape = async (url: string | undefined): Promise<string> => {
  if (!url) throw new Error('Run through the e2e project: its global set-up gives the metrics ports');
  const response = await fetch(url);
  expect(response.status).toBe(200);
  return response.text();
};

/** `name{labels} value` lines of one metric whose labels include all of `labels`. */
function samples(text: string, name: string, labels: Record<string, string> = {}): number[] {
  return text
    .split('\n')
    .filter((line) => line.startsWith(`${name}{`) || line.startsWith(`${name} `))
    .filter((line) => Object.entries(labels).every(([key, value]) => line.includes(`${key}="${value}"`)))
    .map((line) => Number(line.slice(line.lastIndexOf(' ') + 1)));
}

/** The running system's two metrics endpoints (METRICS_PORT of the API and of the worker), as Prometheus scrapes them. */
describe('metrics and the request id, on the running system', () => {
  const coordinador = authenticatedApi(e2eApi(), 'coordinador');
  const database = new Client({ connectionString: process.env.E2E_DATABASE_URL });

  beforeAll(() => database.connect());
  afterAll(() => database.end());

  it('counts an accepted and a refused command, with the latency of their route; reads the outbox and escalations', async () => {
    const accepted = await coordinador.post('/api/exercises', { entidad: TAMAULIPAS, startedOn: daysFromToday(-30) });
    const refused = await coordinador.post('/api/exercises', { entidad: TAMAULIPAS, startedOn: daysFromToday(-30) });
    expect([accepted.status, refused.status, refused.body.code]).toEqual([201, 409, 'EXERCISE_ALREADY_OPEN']);

    const metrics = await scrape(process.env.E2E_API_METRICS_URL);

    expect(samples(metrics, 'cocreacion_commands_total', { outcome: 'accepted' })[0]).toBeGreaterThanOrEqual(1);
    expect(samples(metrics, 'cocreacion_commands_total', { outcome: 'refused', code: 'EXERCISE_ALREADY_OPEN' })[0]).toBeGreaterThanOrEqual(1);
    const route = { route: '/api/exercises', method: 'POST' };
    expect(samples(metrics, 'cocreacion_http_request_duration_seconds_count', { ...route, status: '201' })[0]).toBeGreaterThanOrEqual(1);
    expect(samples(metrics, 'cocreacion_http_request_duration_seconds_bucket', { ...route, status: '409', le: '+Inf' })[0]).toBeGreaterThanOrEqual(1);
    // The gauges are the outbox and the escalations as the database holds them (timers may move them meanwhile).
    await eventually(async () => {
      const [{ rows: outbox }, { rows: escalations }] = await Promise.all([
        database.query(`SELECT count(*) FILTER (WHERE status = 'pending')::int AS pending, count(*) FILTER (WHERE status = 'undeliverable')::int AS undeliverable FROM notifications`),
        database.query(`SELECT count(*)::int AS n FROM escalations WHERE status <> 'resuelta'`),
      ]);
      const scraped = await scrape(process.env.E2E_API_METRICS_URL);
      expect(samples(scraped, 'cocreacion_outbox_notifications', { status: 'pending' })).toEqual([outbox[0].pending]);
      expect(samples(scraped, 'cocreacion_outbox_notifications', { status: 'undeliverable' })).toEqual([outbox[0].undeliverable]);
      expect(samples(scraped, 'cocreacion_open_escalations').reduce((sum, value) => sum + value, 0)).toBe(escalations[0].n);
    });
    // One series per route template, never per exercise.
    expect(metrics).not.toContain(`route="/api/exercises/${TAMAULIPAS}-1`);
  });

  it("exports the worker's Temporal SDK metrics: workflow tasks and the event store's appends it ran", async () => {
    const metrics = await scrape(process.env.E2E_WORKER_METRICS_URL);

    expect(samples(metrics, 'temporal_workflow_task_execution_latency_count', { workflow_type: 'exerciseWorkflow' })[0]).toBeGreaterThan(0);
    expect(samples(metrics, 'temporal_activity_execution_latency_count', { activity_type: 'appendEvents' })[0]).toBeGreaterThan(0);
  });

  it('answers with the caller’s X-Request-Id; the API logs the command and the activity that stored it logs it too', async () => {
    const requestId = `e2e-${Date.now()}`;
    const response = await coordinador.post(`/api/exercises/${TAMAULIPAS}-1/stages/1/complete`, { completedOn: daysFromToday(-20) }, {
      'x-request-id': requestId,
    });

    expect(response.status).toBe(200);
    expect(response.headers.get('x-request-id')).toBe(requestId);
    const workerLog = join(process.env.E2E_DATA_DIR!, 'logs/worker.log');
    // The API's line reaches its file through the stack's pipe, after the answer: both files are waited for.
    const apiLog = join(process.env.E2E_DATA_DIR!, 'logs/api.log');
    const logged = () => [workerLog, apiLog].every((file) => readFileSync(file, 'utf8').includes(requestId));
    const deadline = Date.now() + 10_000;
    while (!logged() && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 200));
    // Outside production the SDK's lines are readable rather than JSON: the message, then its attributes.
    const log = readFileSync(workerLog, 'utf8');
    const entry = log.slice(log.lastIndexOf('Actividad appendEvents completada'));
    expect(entry.slice(0, entry.indexOf('}'))).toContain(`requestId: '${requestId}'`);
    // The first hop: the API's own line for the command (outside production, Nest's console logger prints the object
    // as util.inspect does, maybe coloured).
    const api = stripVTControlCharacters(readFileSync(apiLog, 'utf8'));
    const at = api.indexOf(`requestId: '${requestId}'`);
    expect(at).toBeGreaterThan(-1);
    expect(api.slice(api.lastIndexOf('{', at), api.indexOf('}', at))).toContain(`msg: 'POST /api/exercises/:id/stages/:stage/complete 200'`);
  });
});
