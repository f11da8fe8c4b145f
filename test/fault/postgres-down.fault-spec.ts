import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { exerciseUpdates, exerciseWorkflowId } from '@app/contracts';
import { Client as TemporalClient, Connection, WorkflowUpdateStage } from '@temporalio/client';
import { Client } from 'pg';
import { type RunningSystem, startSystem } from '../../tools/stack';
import { authenticatedApi } from '../support/auth';
import { daysFromToday } from '../support/dates';
import { eventually } from '../support/eventually';
import { httpClient, type HttpClient } from '../support/http';
import { expectProjectionsToMatchTheLog } from './projections-match-log';

const STATES = ['11', '12', '13'];

/** PostgreSQL stops while commands arrive, then comes back (issue 8). */
describe('PostgreSQL stopped while commands arrive', () => {
  let system: RunningSystem;
  let dir: string;
  let api: HttpClient;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'cocreacion-fault-postgres-'));
    system = await startSystem({ dataDir: dir, logToFiles: true, seed: false });
    api = authenticatedApi(httpClient(system.apiUrl), 'coordinador');
  });

  afterAll(async () => {
    await system?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('answers 503 with a clear code meanwhile, and stores every accepted command exactly once when it returns', async () => {
    for (const entidad of STATES) {
      expect((await api.post('/api/exercises', { entidad, startedOn: daysFromToday(-30) })).status).toBe(201);
    }

    await system.faults.stopPostgres();
    const list = await api.get('/api/exercises');
    expect(list.status).toBe(503);
    expect(list.body).toMatchObject({ code: 'DATABASE_UNAVAILABLE' });
    expect((await httpClient(system.apiUrl).get('/api/health/ready')).body).toMatchObject({ database: 'down' });

    // Every HTTP request needs the database (the caller's account is checked on each one): a clear 503.
    const refused = await api.post(`/api/exercises/${STATES[0]}-1/stages/1/complete`, { completedOn: daysFromToday(-1) });
    expect(refused.status).toBe(503);
    expect(refused.body).toMatchObject({ code: 'DATABASE_UNAVAILABLE' });

    // Commands that reach the workflows meanwhile (as the API sends them) are accepted; their appends retry.
    const connection = await Connection.connect({ address: system.temporalAddress });
    const temporal = new TemporalClient({ connection });
    const accepted = await Promise.all(
      STATES.map((entidad) =>
        temporal.workflow.getHandle(exerciseWorkflowId(entidad, 1)).startUpdate(exerciseUpdates.CompleteStage, {
          args: [{ data: { stage: 1, completedOn: daysFromToday(-1) }, actor: 'prueba-de-fallas' }],
          waitForStage: WorkflowUpdateStage.ACCEPTED,
        }),
      ),
    );
    await new Promise((resolve) => setTimeout(resolve, 5_000));

    await system.faults.startPostgres();
    await Promise.all(accepted.map((update) => update.result()));
    await connection.close();
    const database = new Client({ connectionString: system.databaseUrl });
    await database.connect();
    try {
      await eventually(async () => {
        const { rows } = await database.query(
          `SELECT stream_id, count(*)::int AS n FROM domain_events WHERE type = 'StageCompleted' GROUP BY stream_id ORDER BY stream_id`,
        );
        expect(rows).toEqual(STATES.map((entidad) => ({ stream_id: `exercise/${entidad}/1`, n: 1 })));
      }, 90_000);
      await eventually(async () => expect((await api.get('/api/exercises')).status).toBe(200), 30_000);
      await expectProjectionsToMatchTheLog(database);
    } finally {
      await database.end();
    }
  });
});
