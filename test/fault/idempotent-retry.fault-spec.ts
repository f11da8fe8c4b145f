import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stlUpdates, stlWorkflowId } from '@app/contracts';
import { addDays, addMonths, businessCalendar, DEFAULT_DEADLINE_POLICY, localDateAt, STL_2017, stlSeedCommands } from '@app/domain';
import { Client as TemporalClient, Connection, WithStartWorkflowOperation } from '@temporalio/client';
import { Client } from 'pg';
import { type RunningSystem, startSystem } from '../../tools/stack';
import { eventually } from '../support/eventually';
import { commandPoster, type RawAnswer } from '../support/raw-command';

const ENTIDAD = '25';
const SESSIONS = `/api/stls/${ENTIDAD}/sessions`;

/** Sinaloa's STL as the seed leaves it (installed months ago), sent straight to Temporal: the API is not under test here. */
async function installedStl(temporalAddress: string): Promise<void> {
  const connection = await Connection.connect({ address: temporalAddress });
  try {
    const client = new TemporalClient({ connection });
    const now = new Date();
    const [register, ...rest] = stlSeedCommands(STL_2017.find((stl) => stl.entidad === ENTIDAD)!, {
      installedOn: addMonths(localDateAt(now.getTime()), -4),
      now: now.toISOString(),
    });
    const workflowId = stlWorkflowId(ENTIDAD);
    await client.workflow.executeUpdateWithStart(stlUpdates.RegisterStl, {
      args: [{ data: register.data as never }],
      startWorkflowOperation: new WithStartWorkflowOperation('stlWorkflow', {
        workflowId,
        taskQueue: 'cocreacion',
        args: [{ entidad: ENTIDAD, policy: DEFAULT_DEADLINE_POLICY }],
        workflowIdConflictPolicy: 'FAIL',
      }),
    });
    for (const command of rest) {
      await client.workflow.getHandle(workflowId).executeUpdate(stlUpdates[command.type as 'AddMember'], { args: [{ data: command.data as never }] });
    }
  } finally {
    await connection.close();
  }
}

/**
 * Issue 13, item 4: a convocation answered 503 (no worker within COMMAND_TIMEOUT_MS) is applied once a worker is
 * back, and the user's retry used to convene it again. With its Idempotency-Key the retry reaches the same Update.
 */
describe('a command answered 503, retried with its Idempotency-Key', () => {
  let system: RunningSystem;
  let dir: string;
  let database: Client;
  let worker: RunningSystem['worker'];
  let post: (username: string, path: string, body: unknown, key?: string) => Promise<RawAnswer>;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'cocreacion-fault-idempotency-'));
    system = await startSystem({ dataDir: dir, logToFiles: true, seed: false, env: { COMMAND_TIMEOUT_MS: '3000' } });
    worker = system.worker;
    post = commandPoster(system.apiUrl);
    database = new Client({ connectionString: system.databaseUrl });
    await database.connect();
    await installedStl(system.temporalAddress);
  });

  afterAll(async () => {
    await database?.end();
    await system?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  const killWorker = async (): Promise<void> => {
    worker.kill('SIGKILL');
    await worker.exited;
  };
  const sessionsOn = async (date: string): Promise<number> =>
    Number((await database.query('SELECT count(*) AS n FROM stl_sessions WHERE entidad = $1 AND date = $2', [ENTIDAD, date])).rows[0].n);
  /** Convocation e-mails per recipient. */
  const convocationEmails = async (): Promise<number[]> =>
    (
      await database.query(
        `SELECT count(*)::int AS n FROM notifications WHERE stream_id = $1 AND kind = 'session_convened' GROUP BY audience, recipient_name`,
        [stlWorkflowId(ENTIDAD)],
      )
    ).rows.map((row: { n: number }) => row.n);

  it('convenes one session and answers the retry with what the first Update did', async () => {
    const today = localDateAt(Date.now());
    const body = { date: businessCalendar().addBusinessDays(today, 10), kind: 'ordinaria', convokedOn: today, agenda: ['Seguimiento del PAL'] };
    const key = randomUUID();
    await killWorker();

    const timedOut = await post('coordinador', SESSIONS, body, key);
    worker = await system.startWorker();
    // The Update the API gave up on is applied once a worker runs again, as before.
    await eventually(async () => expect(await sessionsOn(body.date)).toBe(1), 120_000);
    const retry = await post('coordinador', SESSIONS, body, key);
    const again = await post('coordinador', SESSIONS, body, key);

    expect(timedOut.status).toBe(503);
    expect(timedOut.json.code).toBe('WORKFLOW_TIMEOUT');
    expect(retry.status).toBe(201);
    expect(retry.json).toMatchObject({ date: body.date, status: 'convocada' });
    expect(again.status).toBe(201);
    expect(again.text).toBe(retry.text);
    expect(await sessionsOn(body.date)).toBe(1);
    const emails = await convocationEmails();
    expect(emails.length).toBeGreaterThan(0);
    expect(emails.every((sent) => sent === 1)).toBe(true);
    const { rows } = await database.query(
      `SELECT count(*)::int AS n FROM domain_events WHERE stream_id = $1 AND type = 'SessionConvened' AND data->>'date' = $2`,
      [stlWorkflowId(ENTIDAD), body.date],
    );
    expect(rows[0].n).toBe(1);
  });

  it('starts one exercise, and the retry of its POST /api/exercises answers that exercise instead of 409', async () => {
    const body = { entidad: ENTIDAD, startedOn: addDays(localDateAt(Date.now()), -7) };
    const key = randomUUID();
    await killWorker();

    const timedOut = await post('coordinador', '/api/exercises', body, key);
    worker = await system.startWorker();
    const opened = async () =>
      (await database.query(`SELECT id FROM exercises WHERE entidad = $1 AND status = 'open'`, [ENTIDAD])).rows.map((row: { id: string }) => row.id);
    await eventually(async () => expect(await opened()).toEqual(['exercise/25/1']), 120_000);
    const retry = await post('coordinador', '/api/exercises', body, key);
    const again = await post('coordinador', '/api/exercises', body, key);
    const withoutKey = await post('coordinador', '/api/exercises', body);

    expect(timedOut.status).toBe(503);
    expect(retry.status).toBe(201);
    expect(retry.json).toMatchObject({ id: '25-1', workflowId: 'exercise/25/1' });
    expect(again.text).toBe(retry.text);
    expect(withoutKey.status).toBe(409);
    expect(withoutKey.json.code).toBe('EXERCISE_ALREADY_OPEN');
    expect(await opened()).toEqual(['exercise/25/1']);
  });
});
