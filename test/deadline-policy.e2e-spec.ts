import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { exerciseWorkflowId } from '@app/contracts';
import { addDays, addMonths, localDateAt, STL_2017 } from '@app/domain';
import { Client, Connection } from '@temporalio/client';
import { fechaLarga } from '../apps/api/src/dashboard/format/spanish-dates';
import { type RunningSystem, startSystem } from '../tools/stack';
import { authenticatedApi, tokenFor } from './support/auth';
import { todayInMexicoCity } from './support/dates';
import { eventually } from './support/eventually';
import { httpClient } from './support/http';

/**
 * A deployment with its own deadline policy (issue 16, finding 2): garantes reminded of a stall after 10 days, STLs
 * meeting every three months. The dates the API and the board show must be the ones the workflows keep.
 */
const POLICY = { stallReminderDays: 10, cadenceMonths: 3 };

/** A state the seed leaves without an STL or an exercise. */
const ENTIDAD = ['01', '02', '03', '04', '05', '06', '07', '08'].find((entidad) => !STL_2017.some((record) => record.entidad === entidad))!;

describe('a deployment with a non-default DEADLINE_POLICY', () => {
  let system: RunningSystem;
  let dir: string;
  let connection: Connection;
  let temporal: Client;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'cocreacion-policy-'));
    system = await startSystem({ dataDir: dir, logToFiles: true, env: { NODE_ENV: 'test', DEADLINE_POLICY: JSON.stringify(POLICY) } });
    connection = await Connection.connect({ address: system.temporalAddress });
    temporal = new Client({ connection });
  });

  afterAll(async () => {
    await connection?.close();
    await system?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  /** When the workflow's timer fires: the last timer it started, from its history. */
  async function lastTimerFiresAt(workflowId: string): Promise<number> {
    const history = await temporal.workflow.getHandle(workflowId).fetchHistory();
    const started = (history.events ?? []).filter((event) => event.timerStartedEventAttributes).pop();
    if (!started?.eventTime?.seconds || !started.timerStartedEventAttributes?.startToFireTimeout?.seconds) {
      throw new Error(`${workflowId} started no timer`);
    }
    return (Number(started.eventTime.seconds) + Number(started.timerStartedEventAttributes.startToFireTimeout.seconds)) * 1000;
  }

  it('announces the stall reminder on the day the exercise workflow fires it, after the policy\'s 10 days', async () => {
    const coordinador = authenticatedApi(httpClient(system.apiUrl), 'coordinador');
    const today = todayInMexicoCity();

    const created = await coordinador.post('/api/exercises', { entidad: ENTIDAD, startedOn: addDays(today, -3) });

    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ stallReminderOn: addDays(today, 10), nextDeadline: { kind: 'stall_reminder', dueOn: addDays(today, 10) } });
    // Read later, the exercise may already hold the STL's report (a signal of its own); the dates stay the policy's.
    const fetched = await coordinador.get(`/api/exercises/${created.body.id}`);
    expect(fetched.body).toMatchObject({ stallReminderOn: created.body.stallReminderOn, nextDeadline: created.body.nextDeadline });
    // The timer is started by the workflow task after the Update's, which may come a moment after the answer.
    await eventually(async () => expect(localDateAt(await lastTimerFiresAt(exerciseWorkflowId(ENTIDAD, 1)))).toBe(created.body.nextDeadline.dueOn));
  });

  it('shows on the board and in the API the two-month mark moved to three months, as the STL keeps it', async () => {
    const api = httpClient(system.apiUrl);
    const coordinador = authenticatedApi(api, 'coordinador');
    const stls = (await coordinador.get('/api/stls')).body as { entidad: string; installedOn?: string; lastSessionOn?: string; nextSessionDueOn?: string }[];
    const installed = stls.find((stl) => stl.nextSessionDueOn !== undefined);
    if (!installed?.installedOn) throw new Error('the seed installed no STL');

    expect(installed.nextSessionDueOn).toBe(addMonths(installed.lastSessionOn ?? installed.installedOn, 3));
    const page = await api.get(`/tablero/entidades/${installed.entidad}`, { cookie: `cocreacion_sesion=${await tokenFor(api, 'coordinador')}` });
    expect(page.status).toBe(200);
    expect(page.body).toContain(fechaLarga(installed.nextSessionDueOn));
  });
});
