import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { type RunningSystem, startSystem } from '../../tools/stack';
import { authenticatedApi } from '../support/auth';
import { daysFromToday } from '../support/dates';
import { httpClient, type HttpClient } from '../support/http';
import { expectProjectionsToMatchTheLog } from './projections-match-log';

const STATES = ['01', '03', '06', '07', '08', '09'];

/** SIGKILL of the worker while stage completions are in flight, then a new worker (issue 8). */
describe('the worker killed in the middle of activities', () => {
  let system: RunningSystem;
  let dir: string;
  let api: HttpClient;
  let database: Client;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'cocreacion-fault-worker-'));
    // Commands wait for the replacement worker instead of answering 503.
    system = await startSystem({ dataDir: dir, logToFiles: true, seed: false, env: { COMMAND_TIMEOUT_MS: '90000' } });
    api = authenticatedApi(httpClient(system.apiUrl), 'coordinador');
    database = new Client({ connectionString: system.databaseUrl });
    await database.connect();
  });

  afterAll(async () => {
    await database?.end();
    await system?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('completes every command once a new worker runs: no event twice, no projection row missing or duplicated', async () => {
    for (const entidad of STATES) {
      expect((await api.post('/api/exercises', { entidad, startedOn: daysFromToday(-60) })).status).toBe(201);
    }
    const completeAllStages = async (entidad: string) => {
      const statuses: number[] = [];
      for (let stage = 1; stage <= 10; stage += 1) {
        const response = await api.post(`/api/exercises/${entidad}-1/stages/${stage}/complete`, {
          completedOn: daysFromToday(-50 + stage),
        });
        statuses.push(response.status);
      }
      return statuses;
    };
    const burst = Promise.all(STATES.map(completeAllStages));

    await new Promise((resolve) => setTimeout(resolve, 1_500));
    system.worker.kill('SIGKILL');
    await system.worker.exited;
    const replacement = await system.startWorker();
    const statuses = await burst;

    expect(replacement.child.exitCode).toBeNull();
    expect(statuses.flat().every((status) => status === 200)).toBe(true);
    for (const entidad of STATES) {
      const stages = await database.query(
        `SELECT data->>'stage' AS stage FROM domain_events WHERE stream_id = $1 AND type = 'StageCompleted' ORDER BY seq`,
        [`exercise/${entidad}/1`],
      );
      expect(stages.rows.map((row) => Number(row.stage))).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    }
    await expectProjectionsToMatchTheLog(database);
  });
});
