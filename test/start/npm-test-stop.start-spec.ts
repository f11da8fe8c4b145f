import { type ChildProcess, spawn } from 'node:child_process';
import { allProcesses, alive, PROJECT_ROOT, startedWith } from '../../tools/stack';

const STOP_LIMIT_MS = 30_000;

// Each test builds dist/ and starts the whole system for the e2e step before it stops it, on a machine that may be busy.
jest.setTimeout(600_000);

async function until<T>(what: string, probe: () => T | undefined, timeoutMs: number): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`Timed out after ${timeoutMs} ms: ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

/** Every process the run started: they carry its marker (`COCREACION_TEST_RUN=<pid of scripts/test.ts>`). */
const startedBy = (runPid: number) => allProcesses().filter((info) => info.pid !== runPid && startedWith(info.pid, `COCREACION_TEST_RUN=${runPid}`));

/**
 * `npm test` stopped in the middle of its end-to-end step, as a person (Ctrl-C: SIGINT to the terminal's process
 * group) or a process manager (SIGTERM to npm) stops it: it ends at once, goes on to no further step, and leaves
 * none of the servers its steps started.
 */
describe('npm test stopped mid-e2e', () => {
  let npm: ChildProcess | undefined;
  let runPid: number | undefined;
  let output = '';

  afterEach(() => {
    // Only what this test started, if the stop under test failed to.
    if (runPid !== undefined) for (const info of startedBy(runPid)) process.kill(info.pid, 'SIGKILL');
    if (npm?.pid !== undefined && alive(npm.pid)) process.kill(-npm.pid, 'SIGKILL');
    npm?.stdout?.destroy();
    npm?.stderr?.destroy();
    npm = undefined;
    runPid = undefined;
    output = '';
  });

  it.each([
    ['Ctrl-C (SIGINT to the process group)', (pid: number) => process.kill(-pid, 'SIGINT')],
    ['SIGTERM to npm', (pid: number) => process.kill(pid, 'SIGTERM')],
  ])('%s stops it at once, with every server it started', async (_how, stop) => {
    npm = spawn('npm', ['test', '--', 'e2e', 'fuzz'], { cwd: PROJECT_ROOT, env: process.env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
    npm.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    npm.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const exited = new Promise<void>((resolve) => npm!.once('exit', () => resolve()));
    const group = npm.pid!;
    runPid = await until(
      'scripts/test.ts running',
      () => allProcesses().find((info) => info.pgid === group && info.command.some((part) => part.endsWith('scripts/test.ts')))?.pid,
      120_000,
    );
    await until(
      'the e2e step to have started the API',
      () => startedBy(runPid!).find((info) => info.command.some((part) => part.endsWith('dist/apps/api/src/main.js'))),
      480_000,
    );

    const signalledAt = Date.now();
    stop(group);
    await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, STOP_LIMIT_MS))]);

    expect({ stoppedWithinLimit: Date.now() - signalledAt < STOP_LIMIT_MS, left: startedBy(runPid).map((info) => info.command.join(' ')) }).toEqual({
      stoppedWithinLimit: true,
      left: [],
    });
    expect(output).toContain('Todo detenido.');
    expect(output).not.toContain('▶ fuzz tests');
  });
});
