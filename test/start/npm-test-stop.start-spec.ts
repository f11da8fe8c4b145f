import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { allProcesses, alive, processInfo, PROJECT_ROOT, startedWith } from '../../tools/stack';
import { descendsFrom, until } from './support/processes';
import { Terminal, transcriptIn } from './support/terminal';

const STOP_LIMIT_MS = 30_000;

// Each test builds dist/ and starts the whole system for the e2e step before it stops it, on a machine that may be busy.
jest.setTimeout(600_000);

/** Every process the run started: they carry its marker (`COCREACION_TEST_RUN=<pid of scripts/test.ts>`). */
const startedBy = (runPid: number) => allProcesses().filter((info) => info.pid !== runPid && startedWith(info.pid, `COCREACION_TEST_RUN=${runPid}`));

/** The run's `scripts/test.ts` among the descendants of `ancestor` (other runs may be going on, CI's own among them). */
const testRunUnder = (ancestor: number) =>
  allProcesses().find((info) => info.command.some((part) => part.endsWith('scripts/test.ts')) && descendsFrom(info.pid, ancestor))?.pid;

const apiStartedBy = (runPid: number) => startedBy(runPid).find((info) => info.command.some((part) => part.endsWith('dist/apps/api/src/main.js')));

/** Nothing the run started is left, and the run itself is gone, within the limit. */
async function expectNothingLeft(runPid: number): Promise<void> {
  const left = () => [...startedBy(runPid), ...(alive(runPid) ? [processInfo(runPid)!] : [])].map((info) => `${info.pid} ${info.command.join(' ')}`);
  await until('no process of the run left', () => (left().length === 0 ? true : undefined), STOP_LIMIT_MS).catch((error: unknown) => {
    throw new Error(`${String(error)}\n${left().join('\n')}`);
  });
}

/**
 * `npm test` stopped in the middle of its end-to-end step, as a person (Ctrl-C at a terminal) or a process manager
 * (SIGTERM to npm) stops it: it ends at once, goes on to no further step, and leaves none of the servers its steps
 * started, also when the step it stops is the last one.
 */
describe('npm test stopped mid-e2e', () => {
  let runPid: number | undefined;

  afterEach(() => {
    // Only what this test started, if the stop under test failed to.
    if (runPid !== undefined) for (const info of startedBy(runPid)) process.kill(info.pid, 'SIGKILL');
    runPid = undefined;
  });

  describe('Ctrl-C in a terminal', () => {
    let dir: string;
    let terminal: Terminal;

    beforeAll(() => {
      dir = mkdtempSync(join(tmpdir(), 'cocreacion-npm-test-stop-'));
      terminal = new Terminal(PROJECT_ROOT, transcriptIn(dir));
      terminal.open({});
    });

    afterAll(() => {
      terminal?.close();
      rmSync(dir, { recursive: true, force: true });
    });

    // The terminal sends SIGINT to the whole foreground job: npm, the runner and whatever shares their group.
    it('one Ctrl-C during the last step stops the run with every server it started, and says "Todo detenido."', async () => {
      terminal.type('npm test -- e2e');
      runPid = await until('scripts/test.ts running in the terminal', () => testRunUnder(terminal.shellPid()), 120_000);
      await until('the e2e step to have started the API', () => apiStartedBy(runPid!), 480_000);

      terminal.pressCtrlC();

      await expectNothingLeft(runPid);
      await until('"Todo detenido."', () => (terminal.output().includes('Todo detenido.') ? true : undefined), 5_000);
      expect(terminal.output()).not.toContain('Resumen');
    });
  });

  describe('SIGTERM to npm', () => {
    let npm: ChildProcess | undefined;
    let output = '';

    afterEach(() => {
      if (npm?.pid !== undefined && alive(npm.pid)) process.kill(-npm.pid, 'SIGKILL');
      npm?.stdout?.destroy();
      npm?.stderr?.destroy();
    });

    it('stops it at once, goes on to no further step, and leaves no server it started', async () => {
      npm = spawn('npm', ['test', '--', 'e2e', 'fuzz'], { cwd: PROJECT_ROOT, env: process.env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
      npm.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
      npm.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
      runPid = await until('scripts/test.ts running', () => testRunUnder(npm!.pid!), 120_000);
      await until('the e2e step to have started the API', () => apiStartedBy(runPid!), 480_000);

      process.kill(npm.pid!, 'SIGTERM');

      await expectNothingLeft(runPid);
      await until('"Todo detenido."', () => (output.includes('Todo detenido.') ? true : undefined), 5_000);
      expect(output).not.toContain('▶ fuzz tests');
    });
  });
});
