import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type RunningSystem, startSystem } from '../../tools/stack';
import { authenticatedApi } from '../support/auth';
import { daysFromToday } from '../support/dates';
import { httpClient } from '../support/http';

/** Longer than a worker takes from its start to its connection, even on a loaded machine. */
const TEMPORAL_DOWN_MS = 20_000;

/**
 * A worker started again by the stack, then Temporal restarted at once: what the chaos run's fault schedule does when
 * a Temporal restart follows a worker kill. In CI (chaos seed 20261203, 180 s) the restart came while the new worker
 * still connected; it exited, nobody polled the task queue again, and the checker's queries were all refused.
 */
describe('a worker started again, then Temporal restarted (chaos seed 20261203)', () => {
  let system: RunningSystem;
  let dir: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'cocreacion-fault-restarted-worker-'));
    system = await startSystem({ dataDir: dir, logToFiles: true, seed: false });
  });

  afterAll(async () => {
    await system?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('keeps the new worker: it polls again once Temporal is back, and a command is answered', async () => {
    system.worker.kill('SIGKILL');
    await system.worker.exited;
    const replacement = await system.startWorker();

    await system.faults.stopTemporal();
    await new Promise((resolve) => setTimeout(resolve, TEMPORAL_DOWN_MS));
    await system.faults.startTemporal();
    await system.workerPolling(replacement);
    const started = await authenticatedApi(httpClient(system.apiUrl), 'coordinador').post('/api/exercises', {
      entidad: '17',
      startedOn: daysFromToday(-7),
    });

    expect(replacement.child.exitCode).toBeNull();
    expect(started.status).toBe(201);
  });
});
