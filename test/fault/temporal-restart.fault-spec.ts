import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stlUpdates, stlWorkflowId } from '@app/contracts';
import { addDays, DEFAULT_DEADLINE_POLICY, localDateAt, STL_2017, stlSeedCommands } from '@app/domain';
import { Client as TemporalClient, Connection, WithStartWorkflowOperation } from '@temporalio/client';
import { Client } from 'pg';
import { type RunningSystem, startSystem } from '../../tools/stack';
import { eventually } from '../support/eventually';
import { expectProjectionsToMatchTheLog } from './projections-match-log';

const ENTIDAD = '17';
const TASK_QUEUE = 'cocreacion';

/** A deadline due a minute from now (the policy's due time of day), so the test can stop Temporal across it. */
function dueShortlyAfter(now: Date, seconds: number) {
  const due = new Date(now.getTime() + seconds * 1000);
  const local = new Intl.DateTimeFormat('en-GB', { timeZone: 'America/Mexico_City', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })
    .format(due)
    .split(':')
    .map(Number);
  return { dueOn: localDateAt(due.getTime()), policy: { ...DEFAULT_DEADLINE_POLICY, dueHour: local[0], dueMinute: local[1] } };
}

/** The file-backed dev server stops with a timer pending and starts again after it should have fired (issue 8). */
describe('Temporal stopped with timers pending', () => {
  let system: RunningSystem;
  let dir: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'cocreacion-fault-temporal-'));
    system = await startSystem({ dataDir: dir, logToFiles: true, seed: false });
  });

  afterAll(async () => {
    await system?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('fires the timers once it is back, and the reminders go out once', async () => {
    const now = new Date();
    const { dueOn, policy } = dueShortlyAfter(now, 75);
    const connection = await Connection.connect({ address: system.temporalAddress });
    const client = new TemporalClient({ connection });
    const workflowId = stlWorkflowId(ENTIDAD);
    const [register, ...rest] = stlSeedCommands(STL_2017.find((stl) => stl.entidad === ENTIDAD)!, {
      installedOn: addDays(dueOn, -20),
      now: now.toISOString(),
    });
    await client.workflow.executeUpdateWithStart(stlUpdates.RegisterStl, {
      args: [{ data: register.data as never }],
      startWorkflowOperation: new WithStartWorkflowOperation('stlWorkflow', {
        workflowId,
        taskQueue: TASK_QUEUE,
        args: [{ entidad: ENTIDAD, policy }],
        workflowIdConflictPolicy: 'FAIL',
      }),
    });
    for (const command of rest) {
      await client.workflow.getHandle(workflowId).executeUpdate(stlUpdates[command.type as 'AddMember'], { args: [{ data: command.data as never }] });
    }
    // A session tomorrow: its eve reminder falls due today at the policy's time, about a minute from now.
    await client.workflow.getHandle(workflowId).executeUpdate(stlUpdates.ConveneSession, {
      args: [{ data: { sessionId: 'sesion-1', date: addDays(dueOn, 1), kind: 'ordinaria', convokedOn: addDays(dueOn, -10), agenda: ['Informe'], historical: { justification: 'Convocada por oficio' } } }],
    });
    await connection.close();

    await system.faults.stopTemporal();
    const dueAt = now.getTime() + 75_000;
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, dueAt - Date.now()) + 10_000));
    await system.faults.startTemporal();

    const database = new Client({ connectionString: system.databaseUrl });
    await database.connect();
    try {
      const reminders = async () =>
        (
          await database.query(
            `SELECT seq FROM domain_events WHERE stream_id = $1 AND type = 'ReminderDue' AND data->>'kind' = 'session_tomorrow'`,
            [workflowId],
          )
        ).rows;
      await eventually(async () => expect(await reminders()).toHaveLength(1), 120_000);
      const { rows: mails } = await database.query(
        `SELECT idempotency_key, count(*)::int AS n FROM notifications WHERE stream_id = $1 AND kind = 'session_tomorrow' GROUP BY 1`,
        [workflowId],
      );
      expect(mails.length).toBeGreaterThan(0);
      expect(mails.every((mail) => mail.n === 1)).toBe(true);
      // Every e-mail leaves the outbox: sent, or undeliverable for a person without an address.
      await eventually(async () => {
        const { rows } = await database.query(
          `SELECT status, count(*)::int AS n FROM notifications WHERE stream_id = $1 AND kind = 'session_tomorrow' GROUP BY 1 ORDER BY 1`,
          [workflowId],
        );
        expect(rows.find((row) => row.status === 'pending')).toBeUndefined();
        expect(rows.find((row) => row.status === 'sent')?.n).toBeGreaterThan(0);
      }, 60_000);
      expect(await reminders()).toHaveLength(1);
      await expectProjectionsToMatchTheLog(database);
    } finally {
      await database.end();
    }
  });
});
